package project_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/project"
	"eu.ilsa.coach/ilsa/translations"
)

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// benchDB is datatest.BigDB (10,000 organisations, 100,000 visits) with
// 2,000 joint actions and 1,000 findings over 2024–2026 written in place
// (a fixture: the demo generator makes neither). Built once per machine.
func benchDB(b *testing.B) string {
	big := datatest.BigDB(b)
	benchOnce.Do(func() {
		benchPath = filepath.Join(filepath.Dir(big), "project-draft-2000joint-1000findings-"+filepath.Base(big))
		if _, err := os.Stat(benchPath + ".done"); err == nil {
			return
		}
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(benchPath + suffix)
			if err := copyFile(big+suffix, benchPath+suffix); err != nil && !os.IsNotExist(err) {
				benchErr = err
				return
			}
		}
		db, err := sql.Open("sqlite3", benchPath)
		if err != nil {
			benchErr = err
			return
		}
		defer db.Close()
		if benchErr = addRecords(db); benchErr == nil {
			benchErr = os.WriteFile(benchPath+".done", nil, 0o644)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func addRecords(db *sql.DB) error {
	var ids []string
	rows, err := db.Query(`SELECT id FROM organisations WHERE deleted = 0 ORDER BY id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	kinds, statuses := []string{"pilot", "plan", "cooperation"}, []string{"planned", "ongoing", "completed", "completed"}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 2000 {
		orgs, _ := json.Marshal([]string{ids[i*7%len(ids)], ids[(i*11+3)%len(ids)], ids[(i*13+5)%len(ids)]})
		start := base.AddDate(0, 0, i*1000/2000)
		status, date := statuses[i%len(statuses)], ""
		if status == "completed" {
			date = start.AddDate(0, 0, 30+i%200).Format(domain.DateLayout)
		}
		if _, err := tx.Exec(`INSERT INTO joint_actions (id, created_at, updated_at, kind, title, orgs, status, start, date, outcome)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, fmt.Sprintf("bench-joint-%05d", i), start.UnixMilli(), start.UnixMilli(),
			kinds[i%len(kinds)], fmt.Sprintf("Joint action %d", i), string(orgs), status, start.Format(domain.DateLayout), date,
			"What came of it, in a sentence or two, as a lead writes it down."); err != nil {
			return err
		}
	}
	for i := range 1000 {
		day := base.AddDate(0, 0, i*1000/1000)
		orgs, _ := json.Marshal([]string{ids[i*17%len(ids)]})
		joints, _ := json.Marshal([]string{fmt.Sprintf("bench-joint-%05d", i*2)})
		if _, err := tx.Exec(`INSERT INTO findings (id, created_at, updated_at, kind, step, date, body, source, author, orgs, joints, models, forms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', '[]')`, fmt.Sprintf("bench-finding-%05d", i), day.UnixMilli(), day.UnixMilli(),
			domain.FindingKinds[i%len(domain.FindingKinds)], domain.ProjectSteps[i%len(domain.ProjectSteps)], day.Format(domain.DateLayout),
			"Short meetings on site work better than half-day seminars for the smallest companies.", "Advisor meeting",
			"Advisor", string(orgs), string(joints)); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// BenchmarkDraftHalfYear is a half-year's draft of the 10,000/100,000
// database: reading what it needs (the indicators with those since the
// project's start, the joint actions, the findings), building the
// document, and writing each format.
func BenchmarkDraftHalfYear(b *testing.B) {
	s, err := data.Open(benchDB(b), data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	f := indicators.Filter{From: "2026-01-01", To: "2026-06-30"}
	tr := translations.New("sv")
	in, err := project.Gather(ctx, s, f)
	if err != nil {
		b.Fatal(err)
	}
	if in.Report.VisitCount.Value < 10_000 || len(in.Findings) < 100 {
		b.Fatalf("fixture: %d visits, %d findings in the half-year", in.Report.VisitCount.Value, len(in.Findings))
	}
	doc := project.Build(in, tr)
	b.Run("gather", func(b *testing.B) {
		for b.Loop() {
			if _, err := project.Gather(ctx, s, f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			project.Build(in, tr)
		}
	})
	for _, format := range project.Formats {
		b.Run(string(format), func(b *testing.B) {
			for b.Loop() {
				if err := project.Write(io.Discard, doc, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("all-pdf", func(b *testing.B) {
		for b.Loop() {
			in, err := project.Gather(ctx, s, f)
			if err != nil {
				b.Fatal(err)
			}
			if err := project.Write(io.Discard, project.Build(in, tr), project.PDF); err != nil {
				b.Fatal(err)
			}
		}
	})
}
