// Package syncthingtest runs real Syncthing instances for tests: each in its
// own home directory (a t.TempDir), reachable only on loopback, with global
// and local discovery, relays, NAT traversal, usage and crash reporting and
// upgrades switched off, so a test never touches the network. Pair shares
// one folder between instances that reach each other at explicit
// tcp://127.0.0.1 addresses; WaitFiles, WaitSameTree and WaitInSync poll
// until Syncthing has delivered; MakeConflict has Syncthing make a real
// conflict copy. Every wait is bounded by its own timeout and by a budget
// for the whole test (TestBudget from the first Start), so a broken test
// fails in about a minute with the instances' log tails, never hangs.
//
// It is a test-only helper: it takes a testing.TB, fails or skips the test
// on its own, and stops every process it started in t.Cleanup. The syncthing
// binary comes from $ILSA_SYNCTHING or PATH (Debian package `syncthing`,
// installed by scripts/deps.sh test); without it the test is skipped — or
// fails when $CI is set, so that CI really runs it. Written against
// Syncthing 1.19 (Debian bookworm) and its REST API, config version 36.
package syncthingtest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	gosync "sync"
	"testing"
	"time"
)

// FolderID is the id of the folder Pair shares.
const FolderID = "ilsa"

// Timeouts. Generous: Syncthing takes one to a few seconds to start, more
// on a loaded CI machine running other packages' tests at the same time.
var (
	StartTimeout = 30 * time.Second // process start to a REST API answering
	SyncTimeout  = 30 * time.Second // a change in one folder to all others
	TestBudget   = 60 * time.Second // the first Start to the last wait
	stopTimeout  = 10 * time.Second // clean shutdown before SIGKILL
	pollEvery    = 100 * time.Millisecond
)

// Instance is one running Syncthing.
type Instance struct {
	Name     string // for messages: "A", "B"
	Home     string // --home: config, keys, database
	Folder   string // the shared folder's path (set by Pair)
	DeviceID string
	APIKey   string
	GUI      string // 127.0.0.1:port of the GUI and REST API
	Listen   string // tcp://127.0.0.1:port, the sync protocol's only listener
	LogFile  string // stdout and stderr of the process

	t      testing.TB
	client *http.Client
	up     bool            // the REST API answered as this instance
	dials  map[string]bool // device IDs this instance dials (set by Pair)
	cmd    *exec.Cmd
	done   chan struct{} // closed when the process has exited
	exit   error
}

// Binary returns the syncthing executable, or skips the test (fails it when
// $CI is set: CI installs the package, so a missing binary is a broken job).
func Binary(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("ILSA_SYNCTHING"); p != "" {
		return p
	}
	p, err := exec.LookPath("syncthing")
	if err != nil {
		msg := "syncthing not found on PATH: install the Debian package `syncthing` (scripts/deps.sh test) or set ILSA_SYNCTHING"
		if os.Getenv("CI") != "" {
			t.Fatal(msg + " (CI is set, so this test must run)")
		}
		t.Skip(msg)
	}
	return p
}

// Start generates a fresh Syncthing home in a temporary directory and
// starts Syncthing on free loopback ports, retrying with other ports when
// one was taken in between. It returns once the REST API answers and the
// sync listener is up. The process is stopped in t.Cleanup, and the tail of
// its log is printed if the test failed (always with $ILSA_SYNCTHING_LOGS).
func Start(t testing.TB, name string) *Instance {
	t.Helper()
	startBudget(t)
	inst, err := start(t, Binary(t), name)
	if err != nil {
		t.Fatalf("syncthing %s: %v", name, err)
	}
	return inst
}

// StartAll starts one instance per name, at the same time (start-up is
// mostly Syncthing benchmarking its hashing and opening its database).
func StartAll(t testing.TB, names ...string) []*Instance {
	t.Helper()
	bin := Binary(t)
	startBudget(t)
	insts := make([]*Instance, len(names))
	errs := make([]error, len(names))
	done := make(chan int)
	for k, name := range names {
		go func() {
			insts[k], errs[k] = start(t, bin, name)
			done <- k
		}()
	}
	for range names {
		<-done
	}
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	return insts
}

// start is Start without failing the test, so it can run off the test's
// goroutine: a port taken meanwhile means a new home and new ports.
func start(t testing.TB, bin, name string) (*Instance, error) {
	var lastErr error
	for attempt := 1; attempt <= 4; attempt++ {
		inst := &Instance{Name: name, t: t,
			client: &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{Proxy: nil}}}
		err := inst.start(bin)
		if err == nil {
			return inst, nil
		}
		lastErr = fmt.Errorf("syncthing %s: %w", name, err)
		if !errors.Is(err, errPortTaken) {
			break
		}
		t.Logf("syncthing %s: %v; retrying on other ports", name, err)
	}
	return nil, lastErr
}

var errPortTaken = errors.New("port taken")

func (i *Instance) start(bin string) error {
	i.Home = filepath.Join(i.t.TempDir(), "home")
	i.LogFile = filepath.Join(filepath.Dir(i.Home), "syncthing.log")
	fakeHome := filepath.Join(filepath.Dir(i.Home), "user")
	if err := os.MkdirAll(fakeHome, 0o700); err != nil {
		return err
	}
	env := childEnv(fakeHome)

	gen := exec.Command(bin, "generate", "--home", i.Home, "--no-default-folder", "--skip-port-probing")
	gen.Env = env
	out, err := gen.CombinedOutput()
	if err != nil {
		return fmt.Errorf("syncthing generate: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`Device ID: ([A-Z0-9-]{50,})`).FindSubmatch(out)
	if m == nil {
		return fmt.Errorf("syncthing generate printed no device ID:\n%s", out)
	}
	i.DeviceID = string(m[1])

	guiPort, err := pickPort()
	if err != nil {
		return err
	}
	syncPort, err := pickPort()
	if err != nil {
		return err
	}
	i.GUI = net.JoinHostPort("127.0.0.1", strconv.Itoa(guiPort))
	i.Listen = "tcp://" + net.JoinHostPort("127.0.0.1", strconv.Itoa(syncPort))
	i.APIKey = "ilsa-test-" + rand.Text()
	if err := i.writeConfig(); err != nil {
		return err
	}

	logf, err := os.OpenFile(i.LogFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	i.cmd = exec.Command(bin, "serve", "--home", i.Home, "--no-browser", "--no-restart", "--no-upgrade",
		"--no-default-folder", "--gui-address", "http://"+i.GUI, "--gui-apikey", i.APIKey, "--logflags", "7")
	i.cmd.Env = env
	i.cmd.Stdout, i.cmd.Stderr = logf, logf
	i.cmd.Dir = filepath.Dir(i.Home)
	ownProcessGroup(i.cmd)
	if err := i.cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("start %s: %w", bin, err)
	}
	logf.Close() // the child has its own copy
	done := make(chan struct{})
	i.done = done
	go func() { i.exit = i.cmd.Wait(); close(done) }()
	i.t.Cleanup(i.stop)

	if err := i.waitUp(); err != nil {
		i.stop()
		return err
	}
	return nil
}

// childEnv is the process environment minus anything that could send
// Syncthing elsewhere (proxies, its own overrides), with HOME pointing at a
// scratch directory and first-start defaults, upgrades and restarts off.
// STHASHING picks the hash implementation instead of benchmarking both,
// which saves about half a second per start.
func childEnv(home string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		lk := strings.ToLower(k)
		if strings.HasPrefix(k, "ST") || strings.HasSuffix(lk, "_proxy") || k == "HOME" || strings.HasPrefix(k, "XDG_") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+home, "STNODEFAULTFOLDER=1", "STNOUPGRADE=1", "STNORESTART=1", "STHASHING=minio")
}

// pickPort picks each port; tests of the harness replace it.
var pickPort = freePort

// freePort asks the kernel for a free loopback port. Another process may
// take it before Syncthing binds it; start notices and retries.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// options are set in config.xml before the first start, so that Syncthing
// never announces, relays, maps ports, reports or upgrades — not even in
// its first second.
func (i *Instance) options() [][2]string {
	return [][2]string{
		{"globalAnnounceEnabled", "false"},
		{"localAnnounceEnabled", "false"},
		{"relaysEnabled", "false"},
		{"natEnabled", "false"},
		{"urAccepted", "-1"},
		{"urInitialDelayS", "86400"},
		{"crashReportingEnabled", "false"},
		{"autoUpgradeIntervalH", "0"},
		{"startBrowser", "false"},
		{"restartOnWakeup", "false"},
		{"setLowPriority", "false"},
		{"announceLANAddresses", "false"},
		{"reconnectionIntervalS", "1"},
		{"progressUpdateIntervalS", "-1"},
		{"keepTemporariesH", "1"},
	}
}

func (i *Instance) writeConfig() error {
	path := filepath.Join(i.Home, "config.xml")
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	cfg := string(b)
	start, end := strings.Index(cfg, "<options>"), strings.Index(cfg, "</options>")
	if start < 0 || end < start {
		return fmt.Errorf("%s: no <options> element", path)
	}
	opts := cfg[start+len("<options>") : end]
	set := func(tag, value string) {
		re := regexp.MustCompile(`(?s)[ \t]*<` + tag + `(\s[^>]*)?>.*?</` + tag + `>\s*\n?|[ \t]*<` + tag + `\s*/>\s*\n?`)
		opts = re.ReplaceAllString(opts, "")
		opts += "    <" + tag + ">" + value + "</" + tag + ">\n    "
	}
	set("listenAddress", i.Listen)
	set("globalAnnounceServer", "")
	for _, o := range i.options() {
		set(o[0], o[1])
	}
	cfg = cfg[:start+len("<options>")] + opts + cfg[end:]
	// The GUI address and key are also given on the command line; keeping
	// them here too makes the home directory self-describing.
	cfg = regexp.MustCompile(`(?s)<address>127\.0\.0\.1:[0-9]+</address>`).ReplaceAllString(cfg, "<address>"+i.GUI+"</address>")
	return os.WriteFile(path, []byte(cfg), 0o600)
}

// waitUp waits until the REST API answers with our key and device ID and
// the sync listener is bound. A port taken by someone else is errPortTaken.
func (i *Instance) waitUp() error {
	deadline := time.Now().Add(StartTimeout)
	for {
		select {
		case <-i.done:
			if portTaken(i.LogTail(200)) {
				return fmt.Errorf("%w (%s or %s)", errPortTaken, i.GUI, i.Listen)
			}
			return fmt.Errorf("exited during start-up (%v); log:\n%s", i.exit, i.LogTail(40))
		default:
		}
		if portTaken(i.LogTail(200)) {
			return fmt.Errorf("%w (%s or %s)", errPortTaken, i.GUI, i.Listen)
		}
		var st struct {
			MyID    string `json:"myID"`
			Service map[string]struct {
				Error *string `json:"error"`
			} `json:"connectionServiceStatus"`
		}
		err := i.Get("/rest/system/status", &st)
		if err == nil && st.MyID != i.DeviceID {
			// Someone else's Syncthing answers on our GUI port.
			return fmt.Errorf("%w: %s answers as %s, want %s", errPortTaken, i.GUI, st.MyID, i.DeviceID)
		}
		if err == nil {
			i.up = true
			if s, ok := st.Service[i.Listen]; ok {
				if s.Error != nil && *s.Error != "" {
					return fmt.Errorf("%w: listener %s: %s", errPortTaken, i.Listen, *s.Error)
				}
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not up after %v (last: %v); log:\n%s", StartTimeout, err, i.LogTail(40))
		}
		time.Sleep(pollEvery)
	}
}

func portTaken(log string) bool {
	return strings.Contains(log, "address already in use")
}

// stop shuts Syncthing down through the API, then by signal to its process
// group, and prints the log's tail if the test failed. Idempotent.
func (i *Instance) stop() {
	if i.done == nil {
		return
	}
	select {
	case <-i.done:
	default:
		if i.up {
			_ = i.Post("/rest/system/shutdown", nil, nil)
		} else {
			signalGroup(i.cmd, false)
		}
		select {
		case <-i.done:
		case <-time.After(stopTimeout):
			signalGroup(i.cmd, false)
			select {
			case <-i.done:
			case <-time.After(5 * time.Second):
				signalGroup(i.cmd, true)
				<-i.done
			}
		}
	}
	if i.t.Failed() || os.Getenv("ILSA_SYNCTHING_LOGS") != "" {
		i.t.Logf("syncthing %s (%s, device %s, GUI %s, listening on %s) log tail:\n%s",
			i.Name, i.LogFile, short(i.DeviceID), i.GUI, i.Listen, i.LogTail(60))
	}
	i.done = nil
}

// Stop stops the instance now (it is also stopped at the end of the test).
func (i *Instance) Stop() { i.stop() }

func short(id string) string {
	if len(id) > 7 {
		return id[:7]
	}
	return id
}

// LogTail returns the last n lines of the instance's log.
func (i *Instance) LogTail(n int) string {
	f, err := os.Open(i.LogFile)
	if err != nil {
		return fmt.Sprintf("(no log: %v)", err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "Running database migration") {
			continue // a dozen lines of noise at every start
		}
		lines = append(lines, sc.Text())
		if len(lines) > 2*n {
			lines = slices.Clone(lines[len(lines)-n:])
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// --- REST -------------------------------------------------------------------

// Get decodes the JSON answer of GET path (with query) into out.
func (i *Instance) Get(path string, out any) error {
	return i.do(http.MethodGet, path, nil, out)
}

// Post sends body as JSON (nil: no body) and decodes the answer into out (if not nil).
func (i *Instance) Post(path string, body, out any) error {
	return i.do(http.MethodPost, path, body, out)
}

func (i *Instance) do(method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	timeout := 15 * time.Second
	if !i.up {
		// Until it answered once, the port may be someone else's that
		// accepts and never answers.
		timeout = 2 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, "http://"+i.GUI+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("X-API-Key", i.APIKey)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := i.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, strings.TrimSpace(string(b)))
	}
	if out == nil || len(bytes.TrimSpace(b)) == 0 {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("%s %s: %v: %s", method, path, err, b)
	}
	return nil
}

// Scan asks the instance to rescan the shared folder now and waits for the
// scan to finish, so a file just written is announced without waiting for
// the file watcher or the rescan interval.
func (i *Instance) Scan() error {
	return i.Post("/rest/db/scan?folder="+url.QueryEscape(FolderID), nil, nil)
}

// --- pairing ------------------------------------------------------------

// Pair makes every instance know every other one, shares FolderID between
// all of them (each in a fresh temporary folder, rescanned every second,
// with the file watcher on), and waits until they are connected and the
// folder is idle and in sync everywhere.
//
// Each pair of instances connects in one direction only: a later instance
// knows an earlier one at its explicit tcp://127.0.0.1 address and dials
// it; the earlier one knows the later one as "dynamic", which with
// discovery off means it only accepts. When both sides dial each other at
// the same moment (as after a resume), Syncthing 1.19 can stall the Hello
// exchange of one connection for its 20 s timeout; one dialer never does.
// Instances are configured in order, so the side that accepts already
// knows the dialer when the dial comes.
func Pair(t testing.TB, insts ...*Instance) {
	t.Helper()
	for _, in := range insts {
		in.Folder = filepath.Join(t.TempDir(), "shared-"+strings.ToLower(in.Name))
		// The folder marker tells Syncthing (and ILSA Coach's data-folder
		// check) that this folder is kept by Syncthing.
		if err := os.MkdirAll(filepath.Join(in.Folder, ".stfolder"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for k, in := range insts {
		var devs []map[string]any
		for j, other := range insts {
			devs = append(devs, map[string]any{"deviceID": other.DeviceID})
			if other == in {
				continue
			}
			addr := "dynamic" // accept only
			if j < k {
				addr = other.Listen // dial
				if in.dials == nil {
					in.dials = map[string]bool{}
				}
				in.dials[other.DeviceID] = true
			}
			dev := map[string]any{"deviceID": other.DeviceID, "name": other.Name, "addresses": []string{addr},
				"compression": "metadata", "autoAcceptFolders": false, "paused": false}
			if err := in.Post("/rest/config/devices", dev, nil); err != nil {
				t.Fatalf("syncthing %s: add device %s: %v", in.Name, other.Name, err)
			}
		}
		folder := map[string]any{"id": FolderID, "label": "ILSA test", "path": in.Folder, "type": "sendreceive",
			"devices": devs, "rescanIntervalS": 1, "fsWatcherEnabled": true, "fsWatcherDelayS": 1,
			"paused": false, "maxConflicts": 10}
		if err := in.Post("/rest/config/folders", folder, nil); err != nil {
			t.Fatalf("syncthing %s: share folder: %v", in.Name, err)
		}
	}
	WaitInSync(t, insts...)
}

// NewPair starts two instances, A and B, and pairs them.
func NewPair(t testing.TB) (a, b *Instance) {
	t.Helper()
	insts := StartAll(t, "A", "B")
	a, b = insts[0], insts[1]
	Pair(t, a, b)
	return a, b
}

// --- waiting ------------------------------------------------------------

// budgets holds each test's deadline (testing.TB → time.Time).
var budgets gosync.Map

// startBudget starts the test's TestBudget, once.
func startBudget(t testing.TB) {
	if _, loaded := budgets.LoadOrStore(t, time.Now().Add(TestBudget)); !loaded {
		t.Cleanup(func() { budgets.Delete(t) })
	}
}

// Eventually polls cond until it reports true, and fails the test with its
// last explanation after timeout, or sooner when the test's budget is spent.
func Eventually(t testing.TB, timeout time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	budget := false
	if d, ok := budgets.Load(t); ok && d.(time.Time).Before(deadline) {
		deadline, budget = d.(time.Time), true
	}
	for {
		ok, why := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			if budget {
				t.Fatalf("%s: not yet, and the test's %v budget is spent: %s", what, TestBudget, why)
			}
			t.Fatalf("%s: not after %v: %s", what, timeout, why)
		}
		time.Sleep(pollEvery)
	}
}

type dbStatus struct {
	State          string `json:"state"`
	NeedTotalItems int    `json:"needTotalItems"`
	GlobalFiles    int    `json:"globalFiles"`
	LocalFiles     int    `json:"localFiles"`
	Errors         int    `json:"errors"`
	PullErrors     int    `json:"pullErrors"`
	Sequence       int64  `json:"sequence"`
}

type completion struct {
	Completion  float64 `json:"completion"`
	NeedItems   int     `json:"needItems"`
	NeedDeletes int     `json:"needDeletes"`
	RemoteState string  `json:"remoteState"`
}

// InSync reports whether all instances are connected to each other, the
// shared folder is idle with nothing needed on each, and each knows every
// other to be complete; if not, why.
func InSync(insts ...*Instance) (bool, string) {
	for _, in := range insts {
		var conns struct {
			Connections map[string]struct {
				Connected bool `json:"connected"`
			} `json:"connections"`
		}
		if err := in.Get("/rest/system/connections", &conns); err != nil {
			return false, err.Error()
		}
		var st dbStatus
		if err := in.Get("/rest/db/status?folder="+FolderID, &st); err != nil {
			return false, err.Error()
		}
		if st.State != "idle" || st.NeedTotalItems != 0 || st.PullErrors != 0 {
			return false, fmt.Sprintf("%s: folder %s, needs %d items, %d pull errors", in.Name, st.State, st.NeedTotalItems, st.PullErrors)
		}
		for _, other := range insts {
			if other == in {
				continue
			}
			if !conns.Connections[other.DeviceID].Connected {
				return false, fmt.Sprintf("%s: not connected to %s", in.Name, other.Name)
			}
			var c completion
			if err := in.Get("/rest/db/completion?folder="+FolderID+"&device="+url.QueryEscape(other.DeviceID), &c); err != nil {
				return false, err.Error()
			}
			if c.Completion < 100 || c.NeedItems != 0 || c.NeedDeletes != 0 || (c.RemoteState != "" && c.RemoteState != "valid") {
				return false, fmt.Sprintf("%s: sees %s at %.1f%% (needs %d items, remote state %q)",
					in.Name, other.Name, c.Completion, c.NeedItems, c.RemoteState)
			}
		}
	}
	return true, ""
}

// WaitInSync waits until InSync holds. Files written since the last scan
// are not yet known to Syncthing: Scan first (WaitFiles does).
func WaitInSync(t testing.TB, insts ...*Instance) {
	t.Helper()
	Eventually(t, SyncTimeout, "syncthing in sync", func() (bool, string) { return InSync(insts...) })
}

// Tree lists the regular files under root (relative slash paths, sorted)
// with their contents, leaving out Syncthing's marker and temporary files.
func Tree(root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // renamed while walking
			}
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == ".stfolder" || name == ".stversions") {
				return filepath.SkipDir
			}
			return nil
		}
		if IsTemp(name) || !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	return out, err
}

// IsTemp reports whether name is a file Syncthing writes while pulling.
func IsTemp(name string) bool {
	return (strings.HasPrefix(name, ".syncthing.") || strings.HasPrefix(name, "~syncthing~")) && strings.HasSuffix(name, ".tmp")
}

// WaitFiles waits until every path (relative, slash-separated, under the
// shared folder) that exists in from's folder exists with the same bytes in
// every other instance's folder. It scans from's folder first. Syncthing
// renames a file to its real name only once all of it has arrived and been
// verified, so an equal file under its real name is a complete file.
func WaitFiles(t testing.TB, from *Instance, paths []string, to ...*Instance) {
	t.Helper()
	if len(paths) == 0 {
		t.Fatal("WaitFiles: no paths")
	}
	want := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(filepath.Join(from.Folder, filepath.FromSlash(p)))
		if err != nil {
			t.Fatalf("WaitFiles: %s's own file: %v", from.Name, err)
		}
		want[p] = b
	}
	if err := from.Scan(); err != nil {
		t.Logf("syncthing %s: scan: %v (the watcher will find it)", from.Name, err)
	}
	Eventually(t, SyncTimeout, fmt.Sprintf("%d file(s) from %s delivered", len(paths), from.Name), func() (bool, string) {
		for _, in := range to {
			for p, w := range want {
				got, err := os.ReadFile(filepath.Join(in.Folder, filepath.FromSlash(p)))
				if err != nil {
					return false, fmt.Sprintf("%s: %v", in.Name, err)
				}
				if !bytes.Equal(got, w) {
					return false, fmt.Sprintf("%s: %s has %d bytes, not %s's %d", in.Name, p, len(got), from.Name, len(w))
				}
			}
		}
		return true, ""
	})
}

// WaitSameTree waits until all instances' shared folders hold the same
// files with the same bytes (Tree), after scanning each.
func WaitSameTree(t testing.TB, insts ...*Instance) {
	t.Helper()
	for _, in := range insts {
		if err := in.Scan(); err != nil {
			t.Logf("syncthing %s: scan: %v", in.Name, err)
		}
	}
	Eventually(t, SyncTimeout, "shared folders identical", func() (bool, string) {
		first, err := Tree(insts[0].Folder)
		if err != nil {
			return false, err.Error()
		}
		for _, in := range insts[1:] {
			tr, err := Tree(in.Folder)
			if err != nil {
				return false, err.Error()
			}
			if d := diff(first, tr); d != "" {
				return false, fmt.Sprintf("%s vs %s: %s", insts[0].Name, in.Name, d)
			}
		}
		return InSync(insts...)
	})
}

func diff(a, b map[string][]byte) string {
	var out []string
	for p, x := range a {
		y, ok := b[p]
		switch {
		case !ok:
			out = append(out, "only first: "+p)
		case !bytes.Equal(x, y):
			out = append(out, "differs: "+p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			out = append(out, "only second: "+p)
		}
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// --- conflicts ------------------------------------------------------------

// SetConnected disconnects (false) or reconnects (true) a and b by pausing
// or resuming each in the other's configuration, and waits until they are
// disconnected or connected. On resume the accepting side goes first, so
// the dialing side's immediate dial finds it ready.
func SetConnected(t testing.TB, connected bool, a, b *Instance) {
	t.Helper()
	pairs := [][2]*Instance{{a, b}, {b, a}}
	if connected && a.dials[b.DeviceID] {
		pairs[0], pairs[1] = pairs[1], pairs[0] // the acceptor first
	}
	for _, pair := range pairs {
		in, peer := pair[0], pair[1]
		patch := map[string]any{"paused": !connected}
		if err := in.do(http.MethodPatch, "/rest/config/devices/"+url.PathEscape(peer.DeviceID), patch, nil); err != nil {
			t.Fatalf("syncthing %s: set %s paused=%v: %v", in.Name, peer.Name, !connected, err)
		}
	}
	Eventually(t, SyncTimeout, fmt.Sprintf("%s and %s connected=%v", a.Name, b.Name, connected), func() (bool, string) {
		for _, pair := range pairs {
			var conns struct {
				Connections map[string]struct {
					Connected bool `json:"connected"`
				} `json:"connections"`
			}
			if err := pair[0].Get("/rest/system/connections", &conns); err != nil {
				return false, err.Error()
			}
			if got := conns.Connections[pair[1].DeviceID].Connected; got != connected {
				return false, fmt.Sprintf("%s: connected to %s is %v", pair[0].Name, pair[1].Name, got)
			}
		}
		return true, ""
	})
}

// conflictName matches Syncthing's conflict copies:
// name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE7.ext
var conflictName = regexp.MustCompile(`\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z0-9]{7}`)

// MakeConflict has Syncthing itself make a conflict copy: with a and b
// disconnected, a writes aData and b writes bData (dated an hour earlier)
// at rel; once reconnected, Syncthing keeps a's version under rel and b's
// as a conflict copy beside it in both folders. It returns the copy's path
// relative to the folder (slash-separated).
func MakeConflict(t testing.TB, a, b *Instance, rel string, aData, bData []byte) string {
	t.Helper()
	SetConnected(t, false, a, b)
	older := time.Now().Add(-time.Hour)
	for _, w := range []struct {
		in    *Instance
		data  []byte
		mtime time.Time
	}{{a, aData, time.Now()}, {b, bData, older}} {
		p := filepath.Join(w.in.Folder, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, w.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, w.mtime, w.mtime); err != nil {
			t.Fatal(err)
		}
		// Both versions must be in each side's index before they meet.
		if err := w.in.Scan(); err != nil {
			t.Fatalf("syncthing %s: scan: %v", w.in.Name, err)
		}
	}
	SetConnected(t, true, a, b)
	dir, base := path.Split(rel)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	var copyRel string
	Eventually(t, SyncTimeout, "Syncthing's conflict copy of "+rel, func() (bool, string) {
		copyRel = ""
		entries, err := os.ReadDir(filepath.Join(a.Folder, filepath.FromSlash(dir)))
		if err != nil {
			return false, err.Error()
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
			if strings.HasPrefix(e.Name(), stem+".sync-conflict-") && strings.HasSuffix(e.Name(), ext) &&
				conflictName.MatchString(e.Name()) && !IsTemp(e.Name()) {
				copyRel = path.Join(dir, e.Name())
			}
		}
		if copyRel == "" {
			return false, fmt.Sprintf("%s holds %v", a.Name, names)
		}
		return true, ""
	})
	WaitSameTree(t, a, b)
	for _, in := range []*Instance{a, b} {
		for p, want := range map[string][]byte{rel: aData, copyRel: bData} {
			got, err := os.ReadFile(filepath.Join(in.Folder, filepath.FromSlash(p)))
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("syncthing %s: after the conflict %s holds %d bytes (%v), want %d", in.Name, p, len(got), err, len(want))
			}
		}
	}
	return copyRel
}
