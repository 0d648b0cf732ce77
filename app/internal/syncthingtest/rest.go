package syncthingtest

// Talking to an instance through Syncthing's REST API.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

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
