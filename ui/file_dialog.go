package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// fileDialogPlaces are the keys of the places Fyne's file dialog lists on
// the left. Fyne writes their names in English and offers no message ids
// for them, so showFileDialog renames them as the list draws them.
var fileDialogPlaces = map[string]string{
	"Home":      "ui.file_dialog.home",
	"Computer":  "ui.file_dialog.computer",
	"App Files": "ui.file_dialog.app_files",
	"Desktop":   "ui.file_dialog.desktop",
	"Documents": "ui.file_dialog.documents",
	"Downloads": "ui.file_dialog.downloads",
	"Music":     "ui.file_dialog.music",
	"Pictures":  "ui.file_dialog.pictures",
	"Videos":    "ui.file_dialog.videos",
	"Movies":    "ui.file_dialog.videos",
}

// showFileDialog shows one of Fyne's file or folder dialogs at a size where
// names are readable, with its places named in the app's language.
func (u *UI) showFileDialog(d *dialog.FileDialog) {
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	// The places list is the one list whose rows are an icon and a label;
	// the files are rows of Fyne's own item widget and stay as they are.
	eachList(top, func(l *widget.List) {
		update := l.UpdateItem
		if update == nil {
			return
		}
		l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			row, ok := item.(*fyne.Container)
			if !ok || len(row.Objects) != 2 {
				return
			}
			if name, ok := row.Objects[1].(*widget.Label); ok {
				if key, ok := fileDialogPlaces[name.Text]; ok {
					name.SetText(u.tr.T(key))
				}
			}
		}
		l.Refresh()
	})
}

// eachList calls fn for every list inside o, through the containers Fyne's
// dialogs are built of (a pop-up, containers, splits and scrolls).
func eachList(o fyne.CanvasObject, fn func(*widget.List)) {
	switch x := o.(type) {
	case *widget.List:
		fn(x)
	case *widget.PopUp:
		eachList(x.Content, fn)
	case *fyne.Container:
		for _, c := range x.Objects {
			eachList(c, fn)
		}
	case *container.Split:
		eachList(x.Leading, fn)
		eachList(x.Trailing, fn)
	case *container.Scroll:
		eachList(x.Content, fn)
	}
}
