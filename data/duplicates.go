package data

import (
	"context"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"unicode"

	"eu.ilsa.coach/ilsa/data/domain"
)

// DuplicateReason says why two organisations look like one.
type DuplicateReason string

const (
	DuplicateOrgNr DuplicateReason = "orgnr" // the same organisation number
	DuplicateName  DuplicateReason = "name"  // near-identical names in one municipality
)

// DuplicatePair is two live organisations that are probably the same one,
// registered twice (often by two advisors offline). A is the older record.
type DuplicatePair struct {
	A, B   domain.Organisation
	Reason DuplicateReason
	// What tells the two records apart beyond their fields.
	AHistory, BHistory OrgHistory
}

// OrgHistory is an organisation's use so far: its visits and who
// registered it.
type OrgHistory struct {
	Visits    int
	LastVisit string // YYYY-MM-DD, "" without visits
	// CreatedBy is the device that first named the organisation, when its
	// log entry is kept singly (local edits and small imports; a bulk import
	// packs entries into runs, which are not searched): "" when not known.
	CreatedBy string
}

// Key identifies the pair whichever way round it is named.
func (p DuplicatePair) Key() string { return pairKey(p.A.ID, p.B.ID) }

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "+" + b
}

// settingDismissedDuplicates holds pairs the advisor said are different
// organisations (a JSON list of pair keys; device-local).
const settingDismissedDuplicates = "duplicates.dismissed"

// DismissDuplicate records that the two organisations are not the same, so
// the pair is no longer offered.
func (s *Store) DismissDuplicate(aID, bID string) error {
	keys := s.dismissedDuplicates()
	k := pairKey(aID, bID)
	if slices.Contains(keys, k) {
		return nil
	}
	b, _ := json.Marshal(append(keys, k))
	return s.SetSetting(settingDismissedDuplicates, string(b))
}

func (s *Store) dismissedDuplicates() []string {
	v, _ := s.Setting(settingDismissedDuplicates)
	var keys []string
	_ = json.Unmarshal([]byte(v), &keys)
	return keys
}

// DuplicateCandidates lists pairs of live organisations with the same
// organisation number, or with near-identical names in the same
// municipality, leaving out pairs dismissed on this device. Names that
// differ in their numbers ("Fjällbygg 2 AB", "Fjällbygg 3 AB") are not
// near-identical.
func (s *Store) DuplicateCandidates(ctx context.Context) ([]DuplicatePair, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+orgColumns+` FROM organisations o WHERE o.deleted = 0 ORDER BY o.created_at, o.id`)
	if err != nil {
		return nil, err
	}
	var orgs []domain.Organisation
	for rows.Next() {
		o, err := scanOrganisation(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		orgs = append(orgs, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	dismissed := map[string]bool{}
	for _, k := range s.dismissedDuplicates() {
		dismissed[k] = true
	}
	seen := map[string]bool{}
	var out []DuplicatePair
	add := func(a, b domain.Organisation, why DuplicateReason) {
		k := pairKey(a.ID, b.ID)
		if seen[k] || dismissed[k] {
			return
		}
		seen[k] = true
		out = append(out, DuplicatePair{A: a, B: b, Reason: why})
	}

	byNr := map[string][]int{}
	byMuni := map[string][]int{}
	norm := make([]orgName, len(orgs))
	for i, o := range orgs {
		if o.OrgNr != "" {
			byNr[o.OrgNr] = append(byNr[o.OrgNr], i)
		}
		if o.Municipality != "" && o.Municipality != domain.MunicipalityOther {
			byMuni[o.Municipality] = append(byMuni[o.Municipality], i)
		}
		norm[i] = newOrgName(o.Name)
	}
	for _, idx := range byNr {
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				add(orgs[idx[x]], orgs[idx[y]], DuplicateOrgNr)
			}
		}
	}
	for _, idx := range byMuni {
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				a, b := idx[x], idx[y]
				if norm[a].near(norm[b]) {
					add(orgs[a], orgs[b], DuplicateName)
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].A.Name < out[j].A.Name })
	return out, nil
}

// DuplicateHistories fills in the histories of both sides of every pair
// (their visits and the device that registered them), in two queries. It
// is separate from DuplicateCandidates: the organisation list checks for
// duplicates after every change and only counts them; the histories are
// for the review.
func (s *Store) DuplicateHistories(ctx context.Context, pairs []DuplicatePair) error {
	if len(pairs) == 0 {
		return nil
	}
	hist := map[string]*OrgHistory{}
	var ids []any
	for _, p := range pairs {
		for _, id := range []string{p.A.ID, p.B.ID} {
			if hist[id] == nil {
				hist[id] = &OrgHistory{}
				ids = append(ids, id)
			}
		}
	}
	in := "(?" + strings.Repeat(",?", len(ids)-1) + ")"
	rows, err := s.r.QueryContext(ctx, `SELECT org_id, visits, last_visit FROM org_stats WHERE org_id IN `+in, ids...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id string
		var h OrgHistory
		if err := rows.Scan(&id, &h.Visits, &h.LastVisit); err != nil {
			rows.Close()
			return err
		}
		hist[id].Visits, hist[id].LastVisit = h.Visits, h.LastVisit
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// The first change of the name is the registration (SQLite takes the
	// bare column from the row with the minimum).
	rows, err = s.r.QueryContext(ctx, `SELECT id, device, MIN(hlc) FROM changes
		WHERE entity = '`+domain.EntityOrganisation+`' AND field = 'name' AND id IN `+in+` GROUP BY id`, ids...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, device string
		var first int64
		if err := rows.Scan(&id, &device, &first); err != nil {
			rows.Close()
			return err
		}
		hist[id].CreatedBy = device
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range pairs {
		pairs[i].AHistory, pairs[i].BHistory = *hist[pairs[i].A.ID], *hist[pairs[i].B.ID]
	}
	return nil
}

// legalForms are the company-form words that say nothing about which
// company it is.
var legalForms = map[string]bool{"ab": true, "aktiebolag": true, "aktiebolaget": true, "hb": true, "kb": true,
	"as": true, "asa": true, "ans": true, "da": true, "sa": true, "ba": true, "enk": true, "ltd": true,
	"ekonomisk": true, "förening": true, "publ": true}

// normaliseOrgName is a name reduced to what tells companies apart:
// lower case, letters and digits, without the company form.
func normaliseOrgName(name string) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var keep []string
	for _, w := range words {
		if !legalForms[w] {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, " ")
}

// orgName is a normalised name prepared for comparing with many others.
type orgName struct {
	text   string
	runes  []rune
	digits string
}

func newOrgName(name string) orgName {
	n := normaliseOrgName(name)
	return orgName{text: n, runes: []rune(n), digits: digitsOf(n)}
}

// near: equal, or a typo apart (one edit in a short name, two in a longer
// one), with the same digits.
func (a orgName) near(b orgName) bool {
	if a.text == "" || b.text == "" {
		return false
	}
	if a.text == b.text {
		return true
	}
	if a.digits != b.digits {
		return false
	}
	short := min(len(a.runes), len(b.runes))
	if short < 5 {
		return false
	}
	limit := 1
	if short >= 10 {
		limit = 2
	}
	return editDistance(a.runes, b.runes, limit) <= limit
}

func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// editDistance is the Levenshtein distance, or limit+1 once it exceeds limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
