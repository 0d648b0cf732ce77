package data_test

import (
	"context"
	"path/filepath"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
)

func TestPinnedSignerIsNeverReplacedAndTheSigningKeyStays(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), data.DBFileName)
	s, _ := datatest.OpenAt(t, path)
	first := data.Signer{Device: "dev-a", PublicKey: "key-1", SignedFrom: 40}
	for _, g := range []data.Signer{first, {Device: "dev-a", PublicKey: "key-2", SignedFrom: 1}, {Device: "dev-a", PublicKey: "key-1", SignedFrom: 90}} {
		if err := s.PinSigner(ctx, g); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PinSigner(ctx, data.Signer{Device: "dev-a", PublicKey: "key-1", SignedFrom: 12}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Signers(ctx)
	if err != nil || got["dev-a"] != (data.Signer{Device: "dev-a", PublicKey: "key-1", SignedFrom: 12}) || len(got) != 1 {
		t.Fatalf("pinned: %+v %v", got, err)
	}
	k1, err := s.SigningKey()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, _ = datatest.OpenAt(t, path)
	k2, err := s.SigningKey()
	if err != nil || !k1.Equal(k2) {
		t.Fatalf("the signing key changed on reopening: %v", err)
	}
}
