package app

import (
	"context"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/ui"
)

// folderSync gives the Sync screen the folder exchange over the open store.
type folderSync struct{ st *data.Store }

var _ ui.Syncer = folderSync{}

func (f folderSync) options(progress func(done, total int64)) exchange.Options {
	return exchange.Options{App: Version, Progress: progress}
}

func (f folderSync) Sync(folder string, progress func(done, total int64)) (exchange.Result, error) {
	return exchange.Sync(context.Background(), f.st, folder, f.options(progress))
}

func (f folderSync) Export(path string) (int, error) {
	h, err := exchange.ExportFile(context.Background(), f.st, path, f.options(nil))
	return int(h.Count), err
}

func (folderSync) CheckFolder(folder string) error { return exchange.CheckFolder(folder) }

func (folderSync) AdvisorOf(folder, device string) string { return exchange.AdvisorOf(folder, device) }

func (folderSync) BundleFiles(dir string) ([]string, error) { return exchange.BundleFiles(dir) }

func (f folderSync) Import(paths []string, progress func(done, total int64)) (exchange.Result, error) {
	return exchange.ImportFiles(context.Background(), f.st, paths, f.options(progress))
}
