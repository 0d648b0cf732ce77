package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The credits shipped in the program are those of the modules it links
// today: adding, removing or upgrading a dependency without running
// `go run ./scripts/licenses` fails here.
func TestLicensesAreUpToDate(t *testing.T) {
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	want, err := Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, Output))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date with go.mod: run go run ./scripts/licenses", Output)
	}
}

// Every licence the dependencies use is recognised by its own words, and a
// text that is none of them is refused rather than guessed.
func TestClassify(t *testing.T) {
	for text, want := range map[string]string{
		"Permission is hereby granted, free of charge, to any person":                     "MIT",
		"Redistribution and use in source and binary forms ... Neither the name of":       "BSD-3-Clause",
		"Redistribution and use in source and binary\n  forms, with or without":           "BSD-2-Clause",
		"Apache License\n Version 2.0, January 2004":                                      "Apache-2.0",
		"Bitstream Vera Fonts Copyright ... Permission is hereby granted, free of charge": "Bitstream-Vera",
	} {
		if got, err := classify(text); err != nil || got != want {
			t.Errorf("classify(%.30q) = %q, %v; want %q", text, got, err, want)
		}
	}
	if _, err := classify("All rights reserved. You may not copy this."); err == nil {
		t.Error("a proprietary text was classified")
	}
}
