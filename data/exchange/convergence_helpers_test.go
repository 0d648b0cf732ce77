package exchange_test

// The world of TestConvergence: devices, a simulated folder-sync engine that
// carries bundle files between the devices' own copies of the shared folder,
// and the random operations. The property itself is in convergence_test.go.

import (
	"errors"
	"fmt"
	"math/rand/v2"
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
