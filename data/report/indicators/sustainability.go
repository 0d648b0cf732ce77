package indicators

import "eu.ilsa.coach/ilsa/data/domain"

// Sustainability is the share of the enterprises supported (RCO01) that
// have established sustainability work, as the programme asks SMEs to
// show: "Yes of RCO01 (percent); Unknown not given". An enterprise
// counts by what its organisation record says when the report is made.
type Sustainability struct {
	Yes     Figure // enterprises supported whose sustainability work is established
	Unknown Figure // enterprises supported for which it is not given
}

// Percent is Yes as a whole percentage of of (the enterprises supported),
// rounded; 0 when there are none.
func (s Sustainability) Percent(of int) int {
	if of == 0 {
		return 0
	}
	return (200*s.Yes.Value + of) / (2 * of)
}

// sustainability counts an enterprise supported by visit n by its
// sustainability work.
func (c *computation) sustainability(n int, o *org) {
	switch o.Sustainability {
	case domain.SustainabilityYes:
		c.sustYes.addOrg(o)
		c.sustYes.addVisit(n)
	case domain.SustainabilityNo:
	default: // not given, or a value from a newer build
		c.sustUnknown.addOrg(o)
		c.sustUnknown.addVisit(n)
	}
}
