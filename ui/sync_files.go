package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// The Sync screen's exchange by hand, without a shared folder: export one
// bundle file, import files or a whole folder of them (a USB stick, an
// e-mail, a project lead's collection of everyone's exports).

// export writes one bundle file with everything this device knows.
func (s *syncScreen) export() {
	u := s.u
	u.saveAs("ilsa-"+u.opt.Now().Format("2006-01-02")+".bundle", func(path string) (string, string, error) {
		n, err := u.opt.Sync.Export(path)
		return u.tr.T("ui.sync.exported.title"), u.tr.N("ui.sync.exported", n, "N", u.tr.Number(n), "Path", path), err
	})
}

// importFiles imports a bundle file (from a USB stick or an e-mail).
func (s *syncScreen) importFiles() {
	u := s.u
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.importPaths([]string{path})
	}, u.win)
	u.showFileDialog(d)
}

// importFolder imports every bundle file in a folder and its subfolders:
// a project lead's merge of everyone's exported files in one go.
func (s *syncScreen) importFolder() {
	u := s.u
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if dir == nil {
			return
		}
		paths, err := u.opt.Sync.BundleFiles(dir.Path())
		if err != nil {
			u.showError(err)
			return
		}
		if len(paths) == 0 {
			dialog.NewInformation(u.tr.T("ui.sync.imported.title"), u.tr.T("ui.sync.no_bundles", "Folder", dir.Path()), u.win).Show()
			return
		}
		s.importPaths(paths)
	}, u.win)
	u.showFileDialog(d)
}

// importPaths imports bundle files off the UI goroutine with progress, and
// says what came in and what was left out.
func (s *syncScreen) importPaths(paths []string) {
	u := s.u
	s.progress.SetValue(0)
	s.progress.Show()
	progress := s.progressFunc()
	u.background(func() func() {
		res, err := u.opt.Sync.Import(paths, progress)
		return func() {
			s.progress.Hide()
			if err != nil {
				u.showError(err)
				return
			}
			msg := summary(u, res, res.Conflicts) // just imported: all still open
			for _, f := range res.Files {
				msg += "\n• " + u.tr.Problem(f.Problem())
			}
			dialog.NewInformation(u.tr.T("ui.sync.imported.title"), msg, u.win).Show()
			u.dataChanged()
			s.refresh()
		}
	})
}
