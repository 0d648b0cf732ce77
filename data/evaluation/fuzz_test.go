package evaluation

import (
	"strings"
	"testing"
)

// FuzzParse: no input panics, and a form that parses answers its own
// questions' checks consistently.
func FuzzParse(f *testing.F) {
	f.Add([]byte(validForm))
	names, _ := bundledFiles.ReadDir("forms")
	for _, n := range names {
		b, _ := bundledFiles.ReadFile("forms/" + n.Name())
		f.Add(b)
	}
	for _, s := range fuzzFound {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		form, err := Parse("f.toml", data)
		if (form == nil) == (err == nil) {
			t.Fatalf("form %v and error %v", form, err)
		}
		if form == nil {
			return
		}
		if len(form.Questions) == 0 || len(form.Questions) > MaxQuestions {
			t.Fatalf("%d questions", len(form.Questions))
		}
		for _, q := range form.Questions {
			if !ValidID(q.ID) || strings.TrimSpace(q.Text.SV) == "" {
				t.Fatalf("question %+v", q)
			}
		}
	})
}

// fuzzFound are inputs the fuzzer found that once broke Parse, kept as
// seeds so they are run on every `go test`.
var fuzzFound = []string{
	"questions = [{}]",
	"[[questions]]\n[[questions.choices]]\n[questions.choices.text]",
	"x = '''\n[[[[[[[[[[[[[[[[[[[[\n'''",
}
