package widgets

import "fyne.io/fyne/v2/widget"

// Choice is one option of a select: the stored value and its label.
type Choice struct{ Value, Label string }

// ChoiceSelect is a Select over labelled values.
type ChoiceSelect struct {
	*widget.Select
	choices []Choice
}

// NewChoiceSelect offers choices; onChange (may be nil) gets the value picked.
func NewChoiceSelect(choices []Choice, onChange func(value string)) *ChoiceSelect {
	cs := &ChoiceSelect{choices: choices}
	cs.Select = widget.NewSelect(labels(choices), func(string) {
		if onChange != nil {
			onChange(cs.Value())
		}
	})
	// Fyne's own placeholder, "(Select one)", is English only.
	cs.Select.PlaceHolder = "—"
	return cs
}

func labels(choices []Choice) []string {
	out := make([]string, len(choices))
	for i, c := range choices {
		out[i] = c.Label
	}
	return out
}

// SetChoices replaces the options (the selection is cleared).
func (c *ChoiceSelect) SetChoices(choices []Choice) {
	c.choices = choices
	c.Select.ClearSelected()
	c.Select.SetOptions(labels(choices))
}

// Value is the stored value of the selected option ("" when none).
func (c *ChoiceSelect) Value() string {
	i := c.Select.SelectedIndex()
	if i < 0 {
		return ""
	}
	return c.choices[i].Value
}

// SetValue selects the option with this value (or clears the selection).
func (c *ChoiceSelect) SetValue(v string) {
	for i, ch := range c.choices {
		if ch.Value == v {
			c.Select.SetSelectedIndex(i)
			return
		}
	}
	c.Select.ClearSelected()
}

// Offer replaces the options, keeping the selected value when it is still
// among them (else the selection is cleared).
func (c *ChoiceSelect) Offer(choices []Choice) {
	cur := c.Value()
	c.choices = choices
	c.Select.Options = labels(choices)
	c.SetValue(cur)
	c.Select.Refresh()
}
