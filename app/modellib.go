package app

import (
	"sync"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/models"
)

// modelLibrary is the one model library the window reads: loaded at start,
// loaded again after every sync (a project lead may have shared a model),
// and read through Current by every screen and export, so the client
// report and the funder exports know a model as soon as the screens do.
type modelLibrary struct {
	dataDir string
	st      *data.Store
	mu      sync.RWMutex
	lib     *models.Library
}

func newModelLibrary(dataDir string, st *data.Store) *modelLibrary {
	m := &modelLibrary{dataDir: dataDir, st: st}
	m.Reload()
	return m
}

// Current is the library as last loaded.
func (m *modelLibrary) Current() *models.Library {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.lib
}

// Reload reads the bundled models and the model folders again. A folder
// that cannot be read keeps what it gave before out (the problems are shown
// by `ilsa models list`); the bundled library is always there.
func (m *modelLibrary) Reload() *models.Library {
	lib, _ := loadModels(m.dataDir, m.st)
	if lib == nil {
		return m.Current()
	}
	m.mu.Lock()
	m.lib = lib
	m.mu.Unlock()
	return lib
}
