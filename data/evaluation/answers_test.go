package evaluation

import (
	"errors"
	"strings"
	"testing"
)

func workshop(t *testing.T) *Form {
	t.Helper()
	f, ok := Bundled().Latest("workshop-evaluation")
	if !ok {
		t.Fatal("no workshop evaluation")
	}
	return f
}

func TestCheckRefusesWhatTheFormWouldNot(t *testing.T) {
	f := workshop(t)
	ok := map[string]any{"overall": int64(4), "recommend": int64(0), "role": "public", "takeaways": []string{"methods", "ideas"}, "best": "Fika"}
	if err := f.Check(ok); err != nil {
		t.Fatalf("valid answers refused: %v", err)
	}
	for name, c := range map[string]struct {
		values map[string]any
		code   string
	}{
		"likert above 5":     {map[string]any{"overall": int64(6)}, "value"},
		"likert 0":           {map[string]any{"overall": int64(0)}, "value"},
		"scale 11":           {map[string]any{"overall": int64(3), "recommend": int64(11)}, "value"},
		"unknown question":   {map[string]any{"overall": int64(3), "salary": int64(3)}, "question"},
		"unknown choice":     {map[string]any{"overall": int64(3), "role": "spy"}, "value"},
		"choice twice":       {map[string]any{"overall": int64(3), "takeaways": []string{"ideas", "ideas"}}, "value"},
		"text as number":     {map[string]any{"overall": int64(3), "best": int64(3)}, "value"},
		"control characters": {map[string]any{"overall": int64(3), "best": "a\x00b"}, "value"},
		"absurd text":        {map[string]any{"overall": int64(3), "best": strings.Repeat("x", MaxAnswerChars+1)}, "value"},
		"required missing":   {map[string]any{"useful": int64(3)}, "required"},
	} {
		var ae *AnswerError
		if err := f.Check(c.values); !errors.As(err, &ae) || ae.Code != c.code {
			t.Errorf("%s: got %v, want %s", name, err, c.code)
		}
	}
}

func TestAnswersEncodeDecode(t *testing.T) {
	a := Answers{Form: "workshop-evaluation", Version: 1, Values: map[string]any{"overall": int64(5), "takeaways": []string{"methods"}, "best": "Allt\n\"bra\""}}
	s := a.Encode()
	b, err := Decode(s)
	if err != nil || b.Encode() != s {
		t.Fatalf("round trip: %v %q != %q", err, b.Encode(), s)
	}
	for _, bad := range []string{``, `[]`, `{"form":"x"}`, `{"form":"x","version":1,"values":{"a":1.5}}`,
		`{"form":"x","version":1,"values":{"a":{"b":1}}}`, `{"form":"x","version":1,"values":{},"extra":1}`,
		`{"form":"x","version":1,"values":{"a":null}}`, `{"form":"x","version":1,"values":{}} {}`} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("Decode(%s) accepted", bad)
		}
	}
}

func TestNormaliseDropsEmptyAndOrdersChoices(t *testing.T) {
	f := workshop(t)
	got := f.Normalise(map[string]any{"best": "  ", "improve": " Mer tid \r\n", "takeaways": []string{"ideas", "methods"}, "overall": 4})
	if _, ok := got["best"]; ok || got["improve"] != "Mer tid" || got["overall"] != int64(4) ||
		strings.Join(got["takeaways"].([]string), ",") != "methods,ideas" {
		t.Errorf("normalised %v", got)
	}
}
