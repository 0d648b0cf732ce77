package exchange_test

import (
	"crypto/ed25519"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	gosync "sync"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
	"eu.ilsa.coach/ilsa/data/exchange/team"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// The sync's budgets, measured side by side (never asserted: timings depend
// on the machine), so a colleague's year of work imports in minutes, an idle
// sync costs nothing and a large import fits in a laptop's memory:
//   import of 1,000,000 field changes ≥ 50% of the raw insert rate
//   a sync with nothing new, 10,000 bundles in the folder: < 100 ms
//   peak memory of an import does not grow with its size
// Run: make syncbench, which runs
//   go test -tags "migrated_fynedo sqlite_fts5" -run XXX -bench 'ImportVsRaw$' -benchtime 5x ./data/exchange/
//   and -bench 'ImportVsRawEncrypted' -benchtime 3x (encrypted bundles: also ≥ 50%)
//   and -bench 'Import10k|Import100k|Import1M$|NoopSync10k' -benchtime 1x for memory and the no-op sync

// fieldChanges yields n realistic field changes of one device: whole
// records (organisations, visits, contacts, actions), field after field, as
// advisors' edits produce them.
func fieldChanges(dev string, n int, yield func(changelog.Change)) {
	ts := hlc.FromTime(datatest.Epoch)
	seq := uint64(0)
	emit := func(entity, id, field, value string) bool {
		if int(seq) >= n {
			return false
		}
		seq++
		ts++
		yield(changelog.Change{Device: dev, Seq: seq, HLC: ts, Entity: entity, ID: id, Field: field, Value: value})
		return true
	}
	for rec := 0; int(seq) < n; rec++ {
		id := fmt.Sprintf("0190c4c0-%04x-7000-8000-%012x", rec%0xffff, rec)
		org := fmt.Sprintf("0190c4c0-%04x-7000-8000-%012x", (rec/4)%0xffff, rec/4*4)
		switch rec % 4 {
		case 0:
			for _, f := range [][2]string{{"created_at", "1764234000000"}, {"name", fmt.Sprintf(`"Företag %d AB"`, rec)},
				{"orgnr", `"5560360793"`}, {"country", `"SE"`}, {"municipality", `"2380"`}, {"sector", `"C"`},
				{"kind", `"sme"`}, {"employees", "12"}, {"notes", `"Tillverkar trähus, vill exportera till Norge."`},
				{"tags", `["trä","export"]`}} {
				emit(domain.EntityOrganisation, id, f[0], f[1])
			}
		case 1, 2:
			for _, f := range [][2]string{{"created_at", "1764234000000"}, {"date", `"2026-11-20"`}, {"orgs", `["` + org + `"]`},
				{"type", `"on-site"`}, {"minutes", "60"}, {"place", `"Östersund"`}, {"advisor", `"Anna Berg"`},
				{"women", "1"}, {"men", "2"}, {"phase", `"capacity"`}, {"notes", `"Gick igenom affärsmodellen och nästa steg."`}} {
				emit(domain.EntityVisit, id, f[0], f[1])
			}
		case 3:
			for _, f := range [][2]string{{"created_at", "1764234000000"}, {"org_id", `"` + org + `"`}, {"text", `"Skicka offert"`},
				{"owner", `"Anna Berg"`}, {"due", `"2026-12-15"`}} {
				emit(domain.EntityAction, id, f[0], f[1])
			}
		}
	}
}

// writeBundles writes n changes of dev as log bundles of per changes each.
func writeBundles(tb testing.TB, dir, dev string, n, per int) []string {
	return writeSealedBundles(tb, dir, dev, n, per, nil)
}

// writeSealedBundles is writeBundles, encrypted and signed when seal is set.
func writeSealedBundles(tb testing.TB, dir, dev string, n, per int, seal *bundle.Seal) []string {
	tb.Helper()
	var paths []string
	var w *bundle.Writer
	var f *os.File
	closeOne := func() {
		if err := w.Close(); err != nil {
			tb.Fatal(err)
		}
		f.Close()
		p := filepath.Join(dir, exchange.BundleName(w.Header().FirstSeq, w.Sum()))
		if err := os.Rename(f.Name(), p); err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, p)
	}
	fieldChanges(dev, n, func(c changelog.Change) {
		if w == nil || c.Seq > w.Header().LastSeq {
			if w != nil {
				closeOne()
			}
			cnt := uint64(min(per, n-int(c.Seq)+1))
			var err error
			if f, err = os.CreateTemp(dir, ".tmp"); err != nil {
				tb.Fatal(err)
			}
			h := bundle.Header{Kind: bundle.KindLog, Device: dev, FirstSeq: c.Seq, LastSeq: c.Seq + cnt - 1, Count: cnt, Created: datatest.Epoch}
			if seal != nil {
				w, err = bundle.NewSealedWriter(f, h, *seal)
			} else {
				w, err = bundle.NewWriter(f, h)
			}
			if err != nil {
				tb.Fatal(err)
			}
		}
		if err := w.Write(c); err != nil {
			tb.Fatal(err)
		}
	})
	closeOne()
	return paths
}

var (
	bundles1M     []string
	bundles1MOnce gosync.Once
)

// peakHeap samples the heap while fn runs and returns the highest reading.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var peak uint64
	done := make(chan struct{})
	var wg gosync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak
}

func benchImport(b *testing.B, paths []string, n int) {
	var peak uint64
	for i := 0; i < b.N; i++ {
		rate, p := importOnce(b, paths, n, exchange.Options{})
		b.ReportMetric(rate, "changes/s")
		peak = max(peak, p)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// importOnce imports paths into a new store and returns the rate and the
// peak heap. The time runs until the import is in the database file: the
// store's checkpointer copies the log while it imports, and closing the
// store copies what is left; opening is not timed.
func importOnce(b *testing.B, paths []string, n int, opt exchange.Options) (rate float64, peak uint64) {
	b.StopTimer()
	s, _ := datatest.Open(b)
	b.StartTimer()
	start := time.Now()
	peak = peakHeap(func() {
		res, err := exchange.ImportFiles(ctx, s, paths, opt)
		if err != nil || res.Applied != n || len(res.Files) != 0 {
			b.Fatalf("import: applied %d of %d, %v %v", res.Applied, n, res.Files, err)
		}
		// The raw insert's commit copies its log into the file; the store
		// does that on its checkpointer, and the rest as it closes.
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	})
	rate = float64(n) / time.Since(start).Seconds()
	return rate, peak
}

// BenchmarkImport1M imports 1,000,000 field changes from ten bundles, as a
// project lead's first merge does; BenchmarkImportVsRaw compares it with
// BenchmarkRawInsert1M side by side.
func BenchmarkImport1M(b *testing.B) {
	benchImport(b, bundles1MPaths(b), 1_000_000)
}

func bundles1MPaths(b *testing.B) []string {
	bundles1MOnce.Do(func() {
		dir, _ := os.MkdirTemp("", "ilsa-bench-bundles")
		bundles1M = writeBundles(b, dir, "0190c4c0-0000-7000-8000-00000000bench", 1_000_000, 100_000)
	})
	return bundles1M
}

// BenchmarkImport10k is the small import whose peak heap the 1M one is
// compared with: memory must not grow with the size of the import.
func BenchmarkImport10k(b *testing.B) {
	paths := writeBundles(b, b.TempDir(), "0190c4c0-0000-7000-8000-00000000bench", 10_000, 100_000)
	benchImport(b, paths, 10_000)
}

// BenchmarkImport100k is the middle of the three sizes (one bundle).
func BenchmarkImport100k(b *testing.B) {
	paths := writeBundles(b, b.TempDir(), "0190c4c0-0000-7000-8000-00000000bench", 100_000, 100_000)
	benchImport(b, paths, 100_000)
}

// BenchmarkRawInsert1M inserts the same (entity, id, field, value) as plain
// rows in one transaction, with the same driver and the store's settings:
// the yardstick for BenchmarkImport1M.
func BenchmarkRawInsert1M(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.ReportMetric(rawInsertOnce(b), "changes/s")
	}
}

// BenchmarkImportVsRaw is the budget's measurement: each iteration inserts
// the million plain rows and then imports the million changes, one right
// after the other, so that both meet the same machine, and the median of
// the per-pair ratios is reported (a shared machine's speed varies by tens
// of percent from one run to the next). Run with -benchtime 5x.
func BenchmarkImportVsRaw(b *testing.B) {
	paths := bundles1MPaths(b)
	var ratios, imports, raws []float64
	for i := 0; i < b.N; i++ {
		raw := rawInsertOnce(b)
		imp, _ := importOnce(b, paths, 1_000_000, exchange.Options{})
		raws, imports = append(raws, raw), append(imports, imp)
		ratios = append(ratios, imp/raw)
	}
	b.ReportMetric(100*median(ratios), "%-of-raw")
	b.ReportMetric(median(imports), "import-changes/s")
	b.ReportMetric(median(raws), "raw-rows/s")
}

// BenchmarkImportVsRawEncrypted is BenchmarkImportVsRaw for a team: the
// same million changes in bundles encrypted to the team key and signed, next
// to the raw insert and the plain import, one after the other in each
// iteration. The budget: the encrypted import ≥ 50% of the raw rate.
func BenchmarkImportVsRawEncrypted(b *testing.B) {
	team.ScryptWorkFactor = 10
	keyDir := b.TempDir()
	if _, err := team.Create(b.TempDir(), keyDir, "bänkprov med nyckel", datatest.Epoch); err != nil {
		b.Fatal(err)
	}
	ring, err := team.LoadKeyring(keyDir)
	if err != nil {
		b.Fatal(err)
	}
	_, signer, err := ed25519.GenerateKey(nil)
	if err != nil {
		b.Fatal(err)
	}
	k := ring.Current()
	seal := &bundle.Seal{Team: ring.Team, KeyGen: k.Generation, Recipient: k.Identity.Recipient(), Signer: signer}
	sealed := writeSealedBundles(b, b.TempDir(), "0190c4c0-0000-7000-8000-00000000bench", 1_000_000, 100_000, seal)
	plain := bundles1MPaths(b)
	var encRatios, plainRatios, encs []float64
	for i := 0; i < b.N; i++ {
		// The two imports take turns going first, so neither always meets
		// the machine the other one left behind.
		var imp, enc float64
		raw := rawInsertOnce(b)
		if i%2 == 0 {
			imp, _ = importOnce(b, plain, 1_000_000, exchange.Options{})
			enc, _ = importOnce(b, sealed, 1_000_000, exchange.Options{KeyDir: keyDir})
		} else {
			enc, _ = importOnce(b, sealed, 1_000_000, exchange.Options{KeyDir: keyDir})
			imp, _ = importOnce(b, plain, 1_000_000, exchange.Options{})
		}
		encRatios, plainRatios, encs = append(encRatios, enc/raw), append(plainRatios, imp/raw), append(encs, enc)
	}
	b.ReportMetric(100*median(encRatios), "encrypted-%-of-raw")
	b.ReportMetric(100*median(plainRatios), "plain-%-of-raw")
	b.ReportMetric(median(encs), "encrypted-changes/s")
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// rawInsertOnce inserts the million plain rows into a new database and
// returns the rate.
func rawInsertOnce(b *testing.B) float64 {
	b.StopTimer()
	q := url.Values{}
	q.Set("_busy_timeout", "5000")
	q.Set("_synchronous", "NORMAL")
	q.Set("_journal_mode", "WAL")
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(b.TempDir(), "raw.db")+"?"+q.Encode())
	if err != nil {
		b.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE raw(entity TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL)`); err != nil {
		b.Fatal(err)
	}
	b.StartTimer()
	start := time.Now()
	tx, _ := db.Begin()
	st, err := tx.Prepare(`INSERT INTO raw(entity, id, field, value) VALUES(?,?,?,?)`)
	if err != nil {
		b.Fatal(err)
	}
	fieldChanges("dev", 1_000_000, func(c changelog.Change) {
		if _, err := st.Exec(c.Entity, c.ID, c.Field, c.Value); err != nil {
			b.Fatal(err)
		}
	})
	st.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	rate := 1_000_000 / time.Since(start).Seconds()
	b.StopTimer()
	db.Close()
	b.StartTimer()
	return rate
}

// BenchmarkNoopSync10k syncs a folder of 10,000 bundles, all imported
// before: the cost of an automatic sync when nothing changed.
func BenchmarkNoopSync10k(b *testing.B) {
	folder := b.TempDir()
	for d := range 20 {
		dev := fmt.Sprintf("0190c4c0-0000-7000-8000-%012d", d)
		dir := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), dev)
		os.MkdirAll(dir, 0o755)
		writeBundles(b, dir, dev, 500*3, 3) // 500 bundles of 3 changes per device
	}
	s, _ := datatest.Open(b)
	res, err := exchange.Sync(ctx, s, folder, exchange.Options{})
	if err != nil || len(res.Imported) != 10_000 {
		b.Fatalf("setup: %d imported, %v", len(res.Imported), err)
	}
	for b.Loop() {
		res, err := exchange.Sync(ctx, s, folder, exchange.Options{})
		if err != nil || res.Skipped != 10_000 || len(res.Imported) != 0 {
			b.Fatalf("no-op: %+v %v", res.Skipped, err)
		}
	}
}
