// Package demo fills an empty database with realistic, fictional data:
// companies across the Jämtland and Trøndelag municipalities, two years of
// visits and their follow-ups. Used by `ilsa demo`, the first-run "Load demo
// data" button, screenshots and benchmarks.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// Version changes whenever the generated data changes (benchmark fixtures
// built from an older version are rebuilt).
const Version = 11

// Options size the demo; zero values take the defaults.
type Options struct {
	Orgs   int       // organisations (default 120)
	Visits int       // visits (default 600)
	Seed   uint64    // for reproducible data (default 1)
	Today  time.Time // the last day visits may fall on (default now)
}

// ErrNotEmpty is returned when the database already holds records.
var ErrNotEmpty = errors.New("demo data goes only into an empty database")

// notEmptyError carries a message key for the user.
type notEmptyError struct{}

func (notEmptyError) Error() string               { return ErrNotEmpty.Error() }
func (notEmptyError) Unwrap() error               { return ErrNotEmpty }
func (notEmptyError) MessageKey() (string, []any) { return "error.demo.not_empty", nil }

// batch bounds one transaction's size, so memory stays flat for large demos.
const batch = 2000

var (
	prefixesSE = []string{"Fjäll", "Storsjö", "Jämt", "Åre", "Berg", "Krokoms", "Ragunda", "Bräcke", "Oviken", "Frösö", "Lit", "Hammarstrands", "Strömsunds", "Funäs", "Sveg", "Vemdals"}
	prefixesNO = []string{"Røros", "Trøndelag", "Snåsa", "Lierne", "Meråker", "Stjørdal", "Levanger", "Verdal", "Namsos", "Inderøy", "Frosta", "Selbu", "Tydal", "Oppdal", "Grong", "Hitra"}
	trades     = []struct{ word, sector string }{
		{"Trä", "C"}, {"Mat", "C"}, {"Ost", "C"}, {"Bygg", "F"}, {"Energi", "D"}, {"Turism", "I"}, {"Skog", "A"},
		{"Data", "J"}, {"Konsult", "M"}, {"Logistik", "H"}, {"Design", "M"}, {"Hälsa", "Q"}, {"Fisk", "A"},
		{"Mekaniska", "C"}, {"Handel", "G"}, {"Event", "R"}, {"Sågverk", "C"}, {"Bryggeri", "C"},
	}
	tradesNO = map[string]string{"Trä": "Tre", "Mat": "Mat", "Ost": "Ost", "Bygg": "Bygg", "Energi": "Energi",
		"Turism": "Turisme", "Skog": "Skog", "Data": "Data", "Konsult": "Konsult", "Logistik": "Logistikk",
		"Design": "Design", "Hälsa": "Helse", "Fisk": "Fisk", "Mekaniska": "Mekaniske", "Handel": "Handel",
		"Event": "Event", "Sågverk": "Sagbruk", "Bryggeri": "Bryggeri"}
	firstNamesSE = []string{"Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sara", "Per", "Elin", "Nils", "Ingrid", "Olof"}
	firstNamesNO = []string{"Kari", "Ola", "Ingrid", "Knut", "Solveig", "Håkon", "Marte", "Eirik", "Sigrid", "Jon", "Astrid", "Bjørn"}
	lastNamesSE  = []string{"Andersson", "Persson", "Jonsson", "Olofsson", "Berg", "Nilsson", "Ström", "Lind"}
	lastNamesNO  = []string{"Hansen", "Johansen", "Olsen", "Berg", "Haugen", "Moe", "Aune", "Lien"}
	notesSE      = []string{"Gick igenom affärsmodellen och kundsegmenten.", "Diskuterade finansiering via Almi och Vinnova.",
		"Workshop om innovationsstrategi med ledningsgruppen.", "Uppföljning av pilotprojektet med solceller.",
		"Kartläggning av nuläget: processer och digitalisering.", "Behov av hjälp med IP-skydd för ny produkt.",
		"Samarbete med norsk partner kring gemensam export diskuterades."}
	notesNO = []string{"Gikk gjennom forretningsmodellen og kundesegmentene.", "Diskuterte finansiering via Innovasjon Norge.",
		"Workshop om innovasjonsstrategi med ledergruppen.", "Oppfølging av pilotprosjektet med bioenergi.",
		"Kartlegging av nåsituasjonen: prosesser og digitalisering.", "Behov for hjelp med patentsøknad.",
		"Samarbeid med svensk partner om felles eksport ble diskutert."}
	actionsSE = []string{"Skicka underlag för ansökan", "Boka uppföljningsmöte", "Ta fram kundintervjuer", "Kontakta patentbyrå", "Skissa pilotplan"}
	actionsNO = []string{"Sende underlag for søknad", "Avtale oppfølgingsmøte", "Gjennomføre kundeintervjuer", "Kontakte patentbyrå", "Skissere pilotplan"}
	// advisors: the first half Swedish, the second Norwegian; each writes
	// notes and follow-ups in their own language (advisorFor).
	advisors = []string{"Anna Svensson", "Erik Jonsson", "Kari Nordmann", "Ola Haugen"}
	rolesSE  = []string{"VD", "Teknisk chef", "CTO", "Projektledare"}
	rolesNO  = []string{"Daglig leder", "Teknisk leder", "CTO", "Prosjektleder"}
	// universities of the region, each in the demo at most once.
	universities = []struct {
		name         string
		country      domain.Country
		municipality string
		staff        int
	}{
		{"Mittuniversitetet", domain.CountrySE, "2380", 1100},
		{"NTNU", domain.CountryNO, "5001", 8000},
		{"Nord universitet", domain.CountryNO, "5037", 1300},
	}
)

// advisorFor is the advisor who looks after an organisation of country c:
// one of that country's, chosen by the draw i (an index into advisors), so
// Swedish clients get Swedish notes and Norwegian clients Norwegian ones.
func advisorFor(i int, c domain.Country) string {
	half := len(advisors) / 2
	if c == domain.CountrySE {
		return advisors[i%half]
	}
	return advisors[half+i%half]
}

// Fill adds demo data to an empty store.
func Fill(ctx context.Context, s *data.Store, opt Options) error {
	if opt.Orgs <= 0 {
		opt.Orgs = 120
	}
	if opt.Visits < 0 {
		opt.Visits = 0
	} else if opt.Visits == 0 {
		opt.Visits = 600
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Today.IsZero() {
		opt.Today = time.Now()
	}
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		return notEmptyError{}
	}
	r := rand.New(rand.NewPCG(opt.Seed, 2026))
	var muniSE, muniNO []string
	for _, m := range domain.Municipalities() {
		if m.Country == domain.CountrySE {
			muniSE = append(muniSE, m.Code)
		} else {
			muniNO = append(muniNO, m.Code)
		}
	}
	pick := func(l []string) string { return l[r.IntN(len(l))] }

	// Institutions (municipalities, universities) and the recent visits'
	// extra follow-ups come from draws of their own, so the companies and
	// visits stay those earlier versions made (the screenshots find them).
	extra := rand.New(rand.NewPCG(opt.Seed, 13))
	usedPublic := map[string]bool{}
	nextUniversity := 0
	overdueLeft := 3 + opt.Visits/200 // a few late follow-ups, not a backlog

	orgs := make([]*domain.Organisation, 0, opt.Orgs)
	countryOf := map[string]domain.Country{}
	var bulk data.Bulk
	flush := func() error {
		if len(bulk.Organisations)+len(bulk.Visits)+len(bulk.Contacts) == 0 {
			return nil
		}
		err := s.CreateBulk(ctx, &bulk)
		bulk = data.Bulk{}
		return err
	}
	for i := 0; i < opt.Orgs; i++ {
		o := &domain.Organisation{}
		t := trades[r.IntN(len(trades))]
		if r.IntN(100) < 55 {
			o.Country = domain.CountrySE
			o.Name = fmt.Sprintf("%s%s AB", pick(prefixesSE), lower(t.word))
			o.Municipality = pick(muniSE)
		} else {
			o.Country = domain.CountryNO
			o.Name = fmt.Sprintf("%s %s AS", pick(prefixesNO), tradesNO[t.word])
			o.Municipality = pick(muniNO)
		}
		if i >= 40 { // keep names apart in larger demos
			o.Name = fmt.Sprintf("%s %d", o.Name, i)
		}
		o.Sector = t.sector
		n := r.IntN(100)
		if r.IntN(10) > 0 { // some sizes are unknown, as in real life
			emp := []int{1, 2, 3, 5, 8, 12, 18, 25, 40, 60, 120, 300}[r.IntN(12)]
			if n >= 85 && n < 90 {
				emp = 250 + r.IntN(900)
			}
			o.Employees = &emp
		}
		// A company's kind follows its size: large from 250 staff, a
		// startup only while small.
		switch {
		case o.Employees != nil && *o.Employees >= 250:
			o.Kind = domain.KindLarge
		case n >= 70 && n < 85 && (o.Employees == nil || *o.Employees < 50):
			o.Kind = domain.KindStartup
		default:
			o.Kind = domain.KindSME
		}
		o.OrgNr = orgNumber(r, o.Country)
		if n >= 90 { // one in ten is a municipality or a university
			institution(extra, o, n >= 96, usedPublic, &nextUniversity)
		}
		o.LeaderGender = []domain.LeaderGender{domain.LeaderWomen, domain.LeaderMen, domain.LeaderMen, domain.LeaderMixed, domain.LeaderUnknown}[r.IntN(5)]
		o.Sustainability = []domain.Sustainability{domain.SustainabilityYes, domain.SustainabilityNo, domain.SustainabilityUnknown}[r.IntN(3)]
		bulk.Organisations = append(bulk.Organisations, o)
		orgs = append(orgs, o)
		o.ID = data.NewID()
		if r.IntN(3) > 0 {
			role := r.IntN(4)
			c := &domain.Contact{OrgID: o.ID, Role: rolesNO[role]}
			if o.Country == domain.CountrySE {
				c.Role = rolesSE[role]
				c.Name = pick(firstNamesSE) + " " + pick(lastNamesSE)
			} else {
				c.Name = pick(firstNamesNO) + " " + pick(lastNamesNO)
			}
			c.Gender = []domain.Gender{domain.GenderWoman, domain.GenderMan}[r.IntN(2)]
			bulk.Contacts = append(bulk.Contacts, c)
		}
		if len(bulk.Organisations) >= batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	for _, o := range orgs {
		countryOf[o.ID] = o.Country
	}

	start := opt.Today.AddDate(-2, 0, 0)
	days := int(opt.Today.Sub(start).Hours() / 24)
	today := opt.Today.Format(domain.DateLayout)
	for i := 0; i < opt.Visits; i++ {
		d := start.AddDate(0, 0, r.IntN(days+1))
		main := orgs[r.IntN(len(orgs))]
		v := &data.NewVisit{Visit: domain.Visit{Date: d.Format(domain.DateLayout), OrgIDs: []string{main.ID},
			Advisor: advisorFor(r.IntN(len(advisors)), main.Country)}}
		swedish := main.Country == domain.CountrySE // the advisor's language
		// The advisor's partner organisation: the Swedish and the Norwegian partner.
		v.Partner, v.Side = "Peak Innovation", domain.CountrySE
		if !swedish {
			v.Partner, v.Side = "Nasjonalparken Næringshage", domain.CountryNO
		}
		v.Type = []domain.VisitType{domain.VisitOnSite, domain.VisitOnSite, domain.VisitDigital, domain.VisitPhone, domain.VisitWorkshop, domain.VisitEvent}[r.IntN(6)]
		v.Minutes = []int{30, 45, 60, 90, 120, 180}[r.IntN(6)]
		v.Phase = domain.Phases[r.IntN(len(domain.Phases))]
		if v.Type == domain.VisitWorkshop || v.Type == domain.VisitEvent {
			for k := 0; k < 1+r.IntN(4); k++ {
				v.OrgIDs = append(v.OrgIDs, orgs[r.IntN(len(orgs))].ID)
			}
			v.Women, v.Men, v.Other = 2+r.IntN(12), 2+r.IntN(12), r.IntN(2)
		} else {
			v.Women, v.Men = r.IntN(3), r.IntN(3)
			if v.Women+v.Men == 0 {
				v.Women = 1
			}
		}
		for _, id := range v.OrgIDs {
			if countryOf[id] != main.Country {
				v.CrossBorder = true
			}
		}
		if swedish {
			v.Notes = pick(notesSE)
		} else {
			v.Notes = pick(notesNO)
		}
		if m, ok := domain.MunicipalityByCode(main.Municipality); ok {
			v.Place = m.Name
		}
		if v.Type == domain.VisitDigital {
			v.Place = "Teams"
		}
		// One visit in three leaves a next step, and every visit of the last
		// month does, so the demo opens with follow-ups due in the coming
		// weeks (those extra ones drawn from extra).
		var src *rand.Rand
		switch {
		case r.IntN(3) == 0:
			src = r
		case opt.Today.Sub(d) < 30*24*time.Hour:
			src = extra
		}
		if src != nil {
			a := domain.Action{Owner: v.Advisor, Due: d.AddDate(0, 0, 7+src.IntN(40)).Format(domain.DateLayout)}
			if swedish {
				a.Text = actionsSE[src.IntN(len(actionsSE))]
			} else {
				a.Text = actionsNO[src.IntN(len(actionsNO))]
			}
			// What fell due was done, on time or a few days late; only a
			// few of the last ten days' are still open (overdue by days).
			if a.Due < today {
				late := src.IntN(4)
				if a.Due >= opt.Today.AddDate(0, 0, -10).Format(domain.DateLayout) && overdueLeft > 0 {
					overdueLeft--
				} else {
					a.Done = min(today, mustDate(a.Due).AddDate(0, 0, late).Format(domain.DateLayout))
				}
			}
			v.NextSteps = []domain.Action{a}
		}
		bulk.Visits = append(bulk.Visits, v)
		if len(bulk.Visits) >= batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if err := fillAssessments(ctx, s, r, orgs, opt.Today); err != nil {
		return err
	}
	if err := fillJoint(ctx, s, orgs, opt.Today); err != nil {
		return err
	}
	if err := fillEvaluations(ctx, s, opt.Today); err != nil {
		return err
	}
	if err := fillRelations(ctx, s, opt.Seed, orgs, opt.Today); err != nil {
		return err
	}
	if err := fillReach(ctx, s, opt.Seed, orgs, opt.Today); err != nil {
		return err
	}
	return fillFindings(ctx, s, opt.Today)
}

// mustDate reads a date the demo itself formatted.
func mustDate(s string) time.Time {
	t, err := time.Parse(domain.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func lower(s string) string {
	if s == "" {
		return s
	}
	rs := []rune(s)
	return string(append([]rune{toLower(rs[0])}, rs[1:]...))
}

func toLower(r rune) rune {
	switch r {
	case 'Ä':
		return 'ä'
	case 'Å':
		return 'å'
	case 'Ö':
		return 'ö'
	}
	if r >= 'A' && r <= 'Z' {
		return r + 32
	}
	return r
}
