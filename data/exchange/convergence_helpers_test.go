package exchange_test

// The world of TestConvergence: devices, a simulated folder-sync engine that
// carries bundle files between the devices' own copies of the shared folder,
// and the random operations. The property itself is in convergence_test.go.

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/assets"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/models"
)

// cvDevice is one installation: its store, its fake clock, and its own copy
// of the shared folder (what the sync engine has delivered to it so far).
type cvDevice struct {
	name   string // d0, d1… in the operation log
	s      *data.Store
	clk    *datatest.Clock
	folder string
	id     string
}

// dir is the directory of author's bundles in this device's copy of the folder.
func (d *cvDevice) dir(author string) string {
	return filepath.Join(d.folder, filepath.FromSlash(exchange.DevicesDir), author)
}

// cvFile is a bundle some device wrote into its own directory.
type cvFile struct {
	author int // index into world.devs
	dev    string
	name   string
	body   []byte
}

// What the engine has delivered of a file to a device.
const (
	cvNone = iota
	cvTruncated
	cvFull
)

var cvBundleName = regexp.MustCompile(`^[0-9]{8,20}-[0-9a-f]{16}\.bundle$`)

type cvStats struct {
	ops, skipped, syncs, imports, truncated, redelivered, junk, usb, merges, rehomed, hot, future, selfConflicts, resolved int
	// busyRounds counts the settle rounds in which anything still happened.
	busyRounds int
}

type cvWorld struct {
	t     *testing.T
	seed  uint64
	rng   *rand.Rand
	devs  []*cvDevice
	files []*cvFile
	index map[string]int  // author id + "/" + name → files index
	state map[[2]int]int  // (file, device) → cvNone, cvTruncated, cvFull
	junk  map[string]bool // junk names planted in some folder
	log   []string
	step  int
	n     int // counter making every typed text unique
	ahead int // index of the device whose clock runs far ahead, -1: none

	scale, canvas, checklist *models.Model
	munis                    []string

	orgs, contacts, visits, actions, assessments []string
	label                                        map[string]string // record id → "org#3"
	model                                        map[string]*models.Model
	merged                                       map[string]bool
	stats                                        cvStats
}

func newCVWorld(t *testing.T, seed uint64, n int) *cvWorld {
	t.Helper()
	w := &cvWorld{t: t, seed: seed, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		index: map[string]int{}, state: map[[2]int]int{}, junk: map[string]bool{}, ahead: -1,
		label: map[string]string{}, model: map[string]*models.Model{}, merged: map[string]bool{}}
	lib, errs := models.Load(assets.Models)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var ok1, ok2, ok3 bool
	w.scale, ok1 = lib.Latest("innovation-readiness")
	w.canvas, ok2 = lib.Latest("business-model-canvas")
	w.checklist, ok3 = lib.Latest("agenda-2030")
	if !ok1 || !ok2 || !ok3 {
		t.Fatal("bundled models missing")
	}
	for _, m := range domain.Municipalities() {
		if m.Country == domain.CountrySE {
			w.munis = append(w.munis, m.Code)
		}
	}
	w.munis = append(w.munis, "", domain.MunicipalityOther)
	// Device ids are UUIDv7, increasing in creation order within the
	// process, so ties between equal clocks break the same way on replay.
	for i := range n {
		s, clk := datatest.Open(t)
		d := &cvDevice{name: fmt.Sprintf("d%d", i), s: s, clk: clk, folder: t.TempDir(), id: s.DeviceID()}
		// Start the clocks apart a little, as real machines are.
		clk.Set(datatest.Epoch.Add(time.Duration(w.rng.IntN(5000)) * time.Millisecond))
		w.devs = append(w.devs, d)
		w.logf("%s is device %s", d.name, d.id)
	}
	return w
}

func (w *cvWorld) logf(format string, args ...any) {
	w.log = append(w.log, fmt.Sprintf("%4d ", w.step)+fmt.Sprintf(format, args...))
}

func (w *cvWorld) fatalf(format string, args ...any) {
	w.t.Helper()
	w.t.Fatalf("seed %d, step %d: %s", w.seed, w.step, fmt.Sprintf(format, args...))
}

func (w *cvWorld) must(err error, what string) {
	w.t.Helper()
	if err != nil {
		w.fatalf("%s: %v", what, err)
	}
}

// text is a value nobody else types: concurrent edits then always differ.
func (w *cvWorld) text(d *cvDevice, what string) string {
	w.n++
	return fmt.Sprintf("%s %s %d", what, d.name, w.n)
}

func (w *cvWorld) date() string {
	return datatest.Epoch.AddDate(0, 0, -w.rng.IntN(300)).Format(domain.DateLayout)
}

func (w *cvWorld) dev() *cvDevice { return w.devs[w.rng.IntN(len(w.devs))] }

func (w *cvWorld) remember(list *[]string, kind, id string) string {
	*list = append(*list, id)
	l := fmt.Sprintf("%s#%d", kind, len(*list)-1)
	w.label[id] = l
	return l
}

// tick moves a device's clock on by a random amount (sometimes none).
func (w *cvWorld) tick(d *cvDevice) {
	var dt time.Duration
	switch w.rng.IntN(4) {
	case 0: // as good as the same moment
	case 1:
		dt = time.Duration(w.rng.IntN(1000)) * time.Millisecond
	default:
		dt = time.Duration(w.rng.IntN(180)) * time.Second
	}
	d.clk.Set(d.clk.Now().Add(dt))
}

// sameInstant sets the devices' clocks to one instant just past all of
// them, so their next edits carry equal timestamps (unless a clock is held
// ahead by a value seen before) and the device id breaks the tie.
func (w *cvWorld) sameInstant(ds []*cvDevice) {
	var t time.Time
	for _, d := range ds {
		if n := d.clk.Now(); n.After(t) {
			t = n
		}
	}
	t = t.Add(time.Second)
	for _, d := range ds {
		d.clk.Set(t)
	}
}

// ---- the sync engine -----------------------------------------------------

// syncDevice runs the real sync of d against its own copy of the folder
// (which moves records of merged organisations after importing), publishes the
// bundles it wrote, and checks what it reported. It returns whether anything
// happened (written, imported, rehomed).
func (w *cvWorld) syncDevice(d *cvDevice, final bool) bool {
	w.t.Helper()
	res, err := exchange.Sync(ctx, d.s, d.folder, exchange.Options{App: "convergence"})
	if err != nil {
		w.fatalf("%s: sync: %v", d.name, err)
	}
	w.stats.syncs++
	w.stats.imports += len(res.Imported)
	w.checkResult(d, res, final)
	n := res.Rehomed
	w.stats.rehomed += n
	w.publish(d)
	w.logf("%s sync: wrote %d, imported %d, skipped %d, applied %d, conflicts %d, future %d, pending %d, rehomed %d",
		d.name, len(res.Written), len(res.Imported), res.Skipped, res.Applied, res.Conflicts, res.FutureHLC, pendingCount(res), n)
	return len(res.Written) > 0 || len(res.Imported) > 0 || n > 0
}

func pendingCount(res exchange.Result) int {
	n := 0
	for _, f := range res.Files {
		if f.Action == exchange.ActionPending {
			n++
		}
	}
	return n
}

// checkResult: no clones, nothing quarantined, junk ignored, and a bundle
// name left pending only while the engine has delivered a truncated copy.
func (w *cvWorld) checkResult(d *cvDevice, res exchange.Result, final bool) {
	w.t.Helper()
	if res.Clones != 0 || res.NewDeviceID != "" || res.Unknown != 0 {
		w.fatalf("%s: unexpected clones/new id/unknown: %+v", d.name, res)
	}
	for _, f := range res.Files {
		name := filepath.Base(f.Path)
		if cvBundleName.MatchString(name) {
			fi, known := w.index[filepath.Base(filepath.Dir(f.Path))+"/"+name]
			if f.Action != exchange.ActionPending || f.Reason != exchange.ReasonTruncated || !known ||
				w.state[[2]int{fi, w.devIndex(d)}] != cvTruncated || final {
				w.fatalf("%s: bundle %s reported %s %s (%s), engine state %d", d.name, f.Path, f.Action, f.Reason, f.Detail,
					w.state[[2]int{fi, w.devIndex(d)}])
			}
			continue
		}
		if f.Action != exchange.ActionIgnored || !w.junk[name] {
			w.fatalf("%s: file %s reported %s %s (%s)", d.name, f.Path, f.Action, f.Reason, f.Detail)
		}
		if f.Reason != exchange.ReasonEngineTemp && f.Reason != exchange.ReasonEngineConflict {
			w.fatalf("%s: junk %s ignored for %s", d.name, name, f.Reason)
		}
	}
	if final && len(res.Gaps) > 0 {
		w.fatalf("%s: gaps after everything was delivered: %+v", d.name, res.Gaps)
	}
}

func (w *cvWorld) devIndex(d *cvDevice) int { return slices.Index(w.devs, d) }

// publish registers the bundles d wrote into its own directory, for the
// engine to carry to the others.
func (w *cvWorld) publish(d *cvDevice) {
	w.t.Helper()
	entries, err := os.ReadDir(d.dir(d.id))
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	w.must(err, "list own directory")
	for _, e := range entries {
		key := d.id + "/" + e.Name()
		if _, ok := w.index[key]; ok || !cvBundleName.MatchString(e.Name()) {
			continue
		}
		body, err := os.ReadFile(filepath.Join(d.dir(d.id), e.Name()))
		w.must(err, "read bundle")
		w.index[key] = len(w.files)
		w.files = append(w.files, &cvFile{author: w.devIndex(d), dev: d.id, name: e.Name(), body: body})
	}
}

// deliver copies file fi into device di's folder: whole (through a temporary
// name and a rename, as Syncthing does) or, when truncated, a prefix under
// the final name (a half-synced copy, as a plain file copy or an SMB share
// shows it).
func (w *cvWorld) deliver(fi, di int, truncated bool) {
	w.t.Helper()
	f, d := w.files[fi], w.devs[di]
	dir := d.dir(f.dev)
	w.must(os.MkdirAll(dir, 0o755), "mkdir")
	dst := filepath.Join(dir, f.name)
	st := w.state[[2]int{fi, di}]
	if truncated {
		cut := w.rng.IntN(len(f.body))
		w.must(os.WriteFile(dst, f.body[:cut], 0o644), "write truncated")
		w.state[[2]int{fi, di}] = cvTruncated
		w.stats.truncated++
		w.logf("engine: %s/%s → %s truncated at %d of %d bytes", w.devs[f.author].name, f.name, d.name, cut, len(f.body))
		return
	}
	tmp := filepath.Join(dir, ".syncthing."+f.name+".tmp")
	w.must(os.WriteFile(tmp, f.body, 0o644), "write temp")
	if w.rng.IntN(8) == 0 {
		// The engine leaves a stray copy of its temporary file behind.
		stray := fmt.Sprintf(".syncthing.%s.%d.tmp", f.name, w.rng.IntN(1000))
		w.must(os.WriteFile(filepath.Join(dir, stray), f.body[:len(f.body)/2], 0o644), "write stray")
		w.junk[stray] = true
	}
	w.must(os.Rename(tmp, dst), "rename")
	if st == cvFull {
		w.stats.redelivered++
	}
	w.state[[2]int{fi, di}] = cvFull
	w.logf("engine: %s/%s → %s (was %d)", w.devs[f.author].name, f.name, d.name, st)
}

// engineStep delivers a few random files to random devices: some truncated
// first, some again.
func (w *cvWorld) engineStep() {
	var todo, done [][2]int
	for fi, f := range w.files {
		for di := range w.devs {
			if di == f.author {
				continue
			}
			if w.state[[2]int{fi, di}] == cvFull {
				done = append(done, [2]int{fi, di})
			} else {
				todo = append(todo, [2]int{fi, di})
			}
		}
	}
	for range 1 + w.rng.IntN(6) {
		if len(done) > 0 && w.rng.IntN(8) == 0 {
			p := done[w.rng.IntN(len(done))]
			w.deliver(p[0], p[1], false) // the same file delivered twice
			continue
		}
		if len(todo) == 0 {
			return
		}
		i := w.rng.IntN(len(todo))
		p := todo[i]
		if w.state[p] == cvNone && w.rng.IntN(4) == 0 {
			w.deliver(p[0], p[1], true)
			continue
		}
		w.deliver(p[0], p[1], false)
		todo = slices.Delete(todo, i, i+1)
		done = append(done, p)
	}
}

// deliverAll brings every file whole to every device.
func (w *cvWorld) deliverAll() {
	for fi, f := range w.files {
		for di := range w.devs {
			if di != f.author && w.state[[2]int{fi, di}] != cvFull {
				w.deliver(fi, di, false)
			}
		}
	}
}

// plantJunk leaves what sync engines leave behind in a device directory:
// Syncthing temporary files and conflict copies (with a real bundle's
// content, so reading one would show).
func (w *cvWorld) plantJunk() {
	if len(w.files) == 0 {
		return
	}
	f := w.files[w.rng.IntN(len(w.files))]
	d := w.dev()
	author := w.devs[w.rng.IntN(len(w.devs))].id
	dir := d.dir(author)
	w.must(os.MkdirAll(dir, 0o755), "mkdir")
	var name string
	body := f.body
	if w.rng.IntN(2) == 0 {
		name = fmt.Sprintf(".syncthing.%s.%d.tmp", f.name, w.rng.IntN(1000))
		body = body[:w.rng.IntN(len(body))]
	} else {
		name = strings.TrimSuffix(f.name, exchange.BundleExt) + ".sync-conflict-20261201-101010-ABCDEFG" + exchange.BundleExt
	}
	w.must(os.WriteFile(filepath.Join(dir, name), body, 0o644), "write junk")
	w.junk[name] = true
	w.stats.junk++
	w.logf("engine: junk %s in %s's folder, directory of %s", name, d.name, author)
}

// ---- what devices see ----------------------------------------------------

// A device can hold a record only in part: a later change of it arrived
// before the bundle that created it (bundles are imported in any order).
// Such a row is live but fails validation when saved (no name, no date…),
// so the operations leave it alone until the rest arrives.
func incomplete(id string) error { return &domain.NotFoundError{Entity: "incomplete", ID: id} }

func (w *cvWorld) readOrg(d *cvDevice) func(string) (domain.Organisation, error) {
	return func(id string) (domain.Organisation, error) {
		o, err := d.s.Organisation(ctx, id)
		if err == nil && o.Name == "" {
			err = incomplete(id)
		}
		return o, err
	}
}

func (w *cvWorld) readVisit(d *cvDevice) func(string) (domain.Visit, error) {
	return func(id string) (domain.Visit, error) {
		v, err := d.s.Visit(ctx, id)
		if err == nil && (v.Date == "" || len(v.OrgIDs) == 0) {
			err = incomplete(id)
		}
		return v, err
	}
}

func (w *cvWorld) readAction(d *cvDevice) func(string) (domain.Action, error) {
	return func(id string) (domain.Action, error) {
		a, err := d.s.Action(ctx, id)
		if err == nil && (a.Text == "" || a.OrgID == "") {
			err = incomplete(id)
		}
		return a, err
	}
}

func (w *cvWorld) readContact(d *cvDevice) func(string) (domain.Contact, error) {
	return func(id string) (domain.Contact, error) {
		c, err := d.s.Contact(ctx, id)
		if err == nil && (c.Name == "" || c.OrgID == "") {
			err = incomplete(id)
		}
		return c, err
	}
}

// liveOrgs lists the organisations live (and complete) on d, in creation order.
func (w *cvWorld) liveOrgs(d *cvDevice) []string {
	w.t.Helper()
	m, err := d.s.OrganisationsByID(ctx, w.orgs)
	w.must(err, "organisations")
	var out []string
	for _, id := range w.orgs {
		if o, ok := m[id]; ok && o.Name != "" {
			out = append(out, id)
		}
	}
	return out
}

func (w *cvWorld) pickOrg(d *cvDevice) (string, bool) {
	live := w.liveOrgs(d)
	if len(live) == 0 {
		return "", false
	}
	return live[w.rng.IntN(len(live))], true
}

// pickLive tries random records of list until read finds one live on d.
func pickLive[T any](w *cvWorld, list []string, read func(id string) (T, error)) (T, bool) {
	var zero T
	for _, i := range w.rng.Perm(len(list)) {
		v, err := read(list[i])
		if err == nil {
			return v, true
		}
		var nf *domain.NotFoundError
		if !errors.As(err, &nf) {
			w.fatalf("read %s: %v", list[i], err)
		}
	}
	return zero, false
}

func isNotFound(err error) bool {
	var nf *domain.NotFoundError
	return errors.As(err, &nf)
}

// ---- organisation fields -------------------------------------------------

var cvOrgFields = []string{"name", "notes", "employees", "municipality", "kind", "sector", "tags",
	"sustainability_notes", "leader_gender", "sustainability"}

// setOrgField gives o's field a new random value and describes it.
func (w *cvWorld) setOrgField(d *cvDevice, o *domain.Organisation, field string) string {
	r := w.rng
	switch field {
	case "name":
		o.Name = w.text(d, "Org")
		return o.Name
	case "notes":
		o.Notes = w.text(d, "notes")
		return o.Notes
	case "sustainability_notes":
		o.SustainabilityNotes = w.text(d, "hållbarhet")
		return o.SustainabilityNotes
	case "employees":
		if r.IntN(5) == 0 {
			o.Employees = nil
			return "nil"
		}
		n := r.IntN(400)
		o.Employees = &n
		return fmt.Sprint(n)
	case "municipality":
		o.Municipality = w.munis[r.IntN(len(w.munis))]
		return o.Municipality
	case "kind":
		o.Kind = domain.OrgKinds[r.IntN(len(domain.OrgKinds))]
		return string(o.Kind)
	case "sector":
		o.Sector = []string{"", "A", "C", "J", "M", "Q"}[r.IntN(6)]
		return o.Sector
	case "tags":
		o.Tags = nil
		for _, t := range []string{"export", "patent", "grön", "digital"} {
			if r.IntN(2) == 0 {
				o.Tags = append(o.Tags, t)
			}
		}
		return strings.Join(o.Tags, ",")
	case "leader_gender":
		o.LeaderGender = domain.LeaderGenders[r.IntN(len(domain.LeaderGenders))]
		return string(o.LeaderGender)
	case "sustainability":
		o.Sustainability = []domain.Sustainability{domain.SustainabilityUnknown, domain.SustainabilityYes, domain.SustainabilityNo}[r.IntN(3)]
		return string(o.Sustainability)
	}
	panic(field)
}

// setAnswer changes the answer of one dimension of a (adding it when absent).
func (w *cvWorld) setAnswer(d *cvDevice, a *domain.Assessment, m *models.Model, dim string) string {
	i := slices.IndexFunc(a.Answers, func(x domain.Answer) bool { return x.Dimension == dim })
	if i < 0 {
		a.Answers = append(a.Answers, domain.Answer{Dimension: dim})
		i = len(a.Answers) - 1
	}
	ans := &a.Answers[i]
	switch m.Kind {
	case models.KindScale:
		if w.rng.IntN(4) == 0 {
			t := 1 + w.rng.IntN(m.Levels)
			ans.Target, ans.TargetDue = &t, datatest.Epoch.AddDate(1, 0, w.rng.IntN(200)).Format(domain.DateLayout)
			return fmt.Sprintf("%s target %d", dim, t)
		}
		l := 1 + w.rng.IntN(m.Levels)
		ans.Level = &l
		return fmt.Sprintf("%s level %d", dim, l)
	case models.KindCanvas:
		ans.Text = w.text(d, "block")
		return dim + " " + ans.Text
	default:
		ans.Applies = w.rng.IntN(2) == 0
		if w.rng.IntN(2) == 0 {
			ans.Comment = w.text(d, "kommentar")
		}
		return fmt.Sprintf("%s applies %v %q", dim, ans.Applies, ans.Comment)
	}
}
