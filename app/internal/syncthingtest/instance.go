package syncthingtest

// Starting, configuring and stopping one Syncthing process.

import (
	"bufio"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
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
