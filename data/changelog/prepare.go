package changelog

import "eu.ilsa.coach/ilsa/data/domain"

// prepared is what can be worked out for a change from the change alone,
// before its turn comes: an import's reader goroutine (readAhead) does it
// while the writer applies the changes before, so the writer only compares
// clocks and writes. applyLogged works it out itself for a change that
// comes without.
type prepared struct {
	known    bool   // the entity and field are known to this version
	col      any    // the column value, when known and colErr is nil
	colErr   error  // the value has the wrong shape for its column
	sortName string // an organisation's name, and its sort keys in domain.SortLangs
	sortKeys [3][]byte
	links    []string // a visit's organisations (field orgs)
	hasLinks bool
	// refused says why the change must not be applied (RefusedClock,
	// RefusedValue), problem what is wrong with a refused value: worked out
	// here, off the writer's goroutine, for every change (incoming.go).
	refused string
	problem error
}

// prepare works out p for c.
func (p *prepared) prepare(c *Change) {
	*p = prepared{}
	if !clockAccepted(c) {
		p.refused = RefusedClock
		return
	}
	spec, ok := entities[c.Entity]
	if !ok {
		return
	}
	f, ok := spec.field(c.Field)
	if !ok {
		return
	}
	p.known = true
	if p.col, p.colErr = f.columnValue(c.Value); p.colErr != nil {
		return
	}
	if c.Value == BlankValue && isPersonal(c.Entity, c.Field) {
		// An erased value: blank, also where no form would leave it so
		// (a contact's name).
	} else if p.problem = valueProblem(c.Entity, f, p.col); p.problem != nil {
		p.refused = RefusedValue
		return
	}
	switch {
	case c.Entity == domain.EntityOrganisation && c.Field == "name":
		name, _ := p.col.(string)
		p.sortName = name
		for i, l := range domain.SortLangs {
			p.sortKeys[i] = domain.SortKey(l, name)
		}
	case c.Entity == domain.EntityVisit && c.Field == "orgs":
		if jsonUnmarshalString(p.col.(string), &p.links) == nil {
			p.hasLinks = true
		}
	}
}
