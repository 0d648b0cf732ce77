package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// levelOption is one level of a scale dimension: a radio mark, the level's
// number and its description. A tap anywhere on it, the text included,
// chooses the level; a tap on the chosen level clears the rating. One
// level of a dimension is chosen at a time (answerRow.pick).
type levelOption struct {
	widget.BaseWidget
	Selected bool
	mark     *widget.Icon
	number   *widget.Label
	text     *widget.Label
	onTapped func()
}

func newLevelOption(n int, text string, onTapped func()) *levelOption {
	l := &levelOption{mark: widget.NewIcon(theme.RadioButtonIcon()), number: widget.NewLabel(strconv.Itoa(n)),
		text: widget.NewLabel(text), onTapped: onTapped}
	l.number.TextStyle = fyne.TextStyle{Bold: true}
	l.text.Wrapping = fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return l
}

// SetSelected shows the level as chosen or not.
func (l *levelOption) SetSelected(on bool) {
	if l.Selected == on {
		return
	}
	l.Selected = on
	if on {
		l.mark.SetResource(theme.RadioButtonCheckedIcon())
	} else {
		l.mark.SetResource(theme.RadioButtonIcon())
	}
}

// Tapped chooses (or clears) the level.
func (l *levelOption) Tapped(*fyne.PointEvent) {
	if l.onTapped != nil {
		l.onTapped()
	}
}

// Cursor says the whole row is clickable.
func (l *levelOption) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (l *levelOption) CreateRenderer() fyne.WidgetRenderer {
	lead := container.NewVBox(container.NewHBox(container.NewCenter(l.mark), l.number))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, lead, nil, l.text))
}
