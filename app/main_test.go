package app

import (
	"os"
	"testing"
)

// envRunAsCLI makes the test binary act as the ilsa command: tests that need
// real processes on one data folder (processes_test.go) start it again with
// this set, so they test the same code without building the program first.
const envRunAsCLI = "ILSA_TEST_RUN_AS_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(envRunAsCLI) == "1" {
		os.Exit(Run(append([]string{"ilsa"}, os.Args[1:]...)))
	}
	os.Exit(m.Run())
}
