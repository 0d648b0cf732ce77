package domain

import "strings"

// FindingKind is what an entry of the project's findings log records.
type FindingKind string

const (
	FindingObservation FindingKind = "finding"    // something the project found out
	FindingExperience  FindingKind = "experience" // how something went, to learn from
	FindingMethod      FindingKind = "method"     // a method or model tried
	FindingBenchmark   FindingKind = "benchmark"  // a model or method studied elsewhere
)

// FindingKinds lists the kinds in display order.
var FindingKinds = []FindingKind{FindingObservation, FindingExperience, FindingMethod, FindingBenchmark}

// ProjectStep is one of the project's five steps, which the findings log
// and the final report are organised by.
type ProjectStep string

const (
	StepBenchmarking ProjectStep = "benchmarking" // benchmarking and environment scan
	StepCapacity     ProjectStep = "capacity"     // capacity building
	StepPilot        ProjectStep = "pilot"        // the pilot case
	StepEvaluation   ProjectStep = "evaluation"
	StepNextPhase    ProjectStep = "next-phase" // the plan for the implementation project
)

// ProjectSteps lists the steps in the project's order.
var ProjectSteps = []ProjectStep{StepBenchmarking, StepCapacity, StepPilot, StepEvaluation, StepNextPhase}

// Finding is an entry of the project's findings log: what was learnt,
// tagged with the step it belongs to and linked to what it is about. The
// final report's account of each step is drafted from these.
type Finding struct {
	Meta
	Kind     FindingKind
	Step     ProjectStep
	Date     string // YYYY-MM-DD, when it was learnt
	Text     string // the finding itself (synced as "body": "text" names an action's text in messages)
	Source   string // where a benchmark was studied, or who reported it
	Author   string // the advisor who wrote it down
	OrgIDs   []string
	JointIDs []string // joint actions
	ModelIDs []string
	FormIDs  []string // evaluation questionnaires whose results it draws on
}

// Fields gives the record's synced fields by name, as the change log writes them.
func (f *Finding) Fields() map[string]any {
	list := func(l []string) []string {
		if l == nil {
			return []string{}
		}
		return l
	}
	return map[string]any{"kind": string(f.Kind), "step": string(f.Step), "date": f.Date, "body": f.Text,
		"source": f.Source, "author": f.Author, "orgs": list(f.OrgIDs), "joints": list(f.JointIDs),
		"models": list(f.ModelIDs), "forms": list(f.FormIDs)}
}

// Normalise trims and checks an entry: a kind (a finding unless said
// otherwise), a step, a date and its text.
func (f *Finding) Normalise() error {
	normaliseLineEnds(&f.Text)
	f.Text = strings.TrimSpace(f.Text)
	trim(&f.Source)
	trim(&f.Author)
	f.OrgIDs, f.JointIDs = uniqueIDs(f.OrgIDs), uniqueIDs(f.JointIDs)
	f.ModelIDs, f.FormIDs = uniqueIDs(f.ModelIDs), uniqueIDs(f.FormIDs)
	if f.Kind == "" {
		f.Kind = FindingObservation
	}
	p := checkFields(EntityFinding, f.Fields())
	p.add(OneOf("kind", f.Kind, FindingKinds))
	if f.Step == "" {
		p.add(invalid("step", "required"))
	} else {
		p.add(OneOf("step", f.Step, ProjectSteps))
	}
	p.add(ValidateDate("date", f.Date, true))
	if f.Text == "" {
		p.add(invalid("body", "required"))
	} else {
		p.add(CheckLen("body", f.Text, MaxNotesLen))
	}
	p.add(CheckLen("source", f.Source, MaxNameLen))
	p.add(CheckLen("author", f.Author, MaxShortLen))
	return p.err()
}
