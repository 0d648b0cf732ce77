package app

import (
	"flag"

	"eu.ilsa.coach/ilsa/data/backup"

	"eu.ilsa.coach/ilsa/data/domain"
)

// The contact commands: contact add, edit, delete and list.

// contactFlags declares the flags shared by contact add and edit.
type contactFlags struct{ org, name, role, email, phone, gender, consent *string }

func declareContactFlags(fs *flag.FlagSet) contactFlags {
	return contactFlags{org: fs.String("org", "", "cli.flag.contact.org"), name: fs.String("name", "", "cli.flag.contact.name"),
		role: fs.String("role", "", "cli.flag.role"), email: fs.String("email", "", "cli.flag.email"),
		phone: fs.String("phone", "", "cli.flag.phone"), gender: fs.String("gender", "", "cli.flag.gender"),
		consent: fs.String("consent", "", "cli.flag.consent")}
}

func (f contactFlags) apply(s *session, c *domain.Contact, given map[string]bool) error {
	s.isoDates(f.consent)
	for name, pair := range map[string][2]*string{"org": {&c.OrgID, f.org}, "name": {&c.Name, f.name},
		"role": {&c.Role, f.role}, "email": {&c.Email, f.email}, "phone": {&c.Phone, f.phone}, "consent": {&c.ConsentDate, f.consent}} {
		if given[name] {
			*pair[0] = *pair[1]
		}
	}
	if given["gender"] {
		c.Gender = domain.Gender(*f.gender)
	}
	return nil
}

// contactRecords are the contacts, for contact add and contact edit.
var contactRecords = recordStore[domain.Contact]{
	load:   func(s *session, id string) (domain.Contact, error) { return s.store.Contact(s.ctx(), id) },
	create: func(s *session, c *domain.Contact) error { return s.store.CreateContact(s.ctx(), c) },
	update: func(s *session, c *domain.Contact) error { return s.store.UpdateContact(s.ctx(), c) },
	id:     func(c *domain.Contact) string { return c.ID },
}

func contactAdd(fs *flag.FlagSet) runFunc {
	return addRecord(fs, declareContactFlags(fs), contactRecords)
}
func contactEdit(fs *flag.FlagSet) runFunc {
	return editRecord(fs, declareContactFlags(fs), contactRecords)
}

func contactDelete(s *session, operands []string) error {
	return s.deleteOne(operands, func(id string) error { return s.store.DeleteContact(s.ctx(), id) })
}

func contactList(fs *flag.FlagSet) runFunc {
	org := fs.String("org", "", "cli.flag.only.org")
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		if err := s.open(); err != nil {
			return err
		}
		if *org != "" {
			if _, err := s.store.Organisation(s.ctx(), *org); err != nil {
				return err
			}
		}
		cs, err := s.store.Contacts(s.ctx(), *org)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]map[string]any, 0, len(cs))
			for _, c := range cs {
				out = append(out, map[string]any{"id": c.ID, "name": c.Name, "org": c.OrgID, "role": c.Role,
					"email": c.Email, "phone": c.Phone, "gender": c.Gender, "consent_date": c.ConsentDate})
			}
			return s.writeJSON(out)
		}
		w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.name"), s.tr.T("field.role"), s.tr.T("field.email"), s.tr.T("field.phone"))
		for _, c := range cs {
			row(w, c.ID, c.Name, c.Role, c.Email, c.Phone)
		}
		return w.Flush()
	}
}

// contactErase is "ilsa contact erase ID": the contact's personal data
// erased here, in the backups of this data folder, and (through the next
// sync) on every device. It asks nothing; the window confirms.
func contactErase(s *session, operands []string) error {
	return s.eraseOne(operands, "cli.erase.contact", func(id string) error { return s.store.EraseContact(s.ctx(), id) })
}

// orgErase is "ilsa org erase ID": a sole trader's personal number erased.
func orgErase(s *session, operands []string) error {
	return s.eraseOne(operands, "cli.erase.org", func(id string) error { return s.store.EraseOrgPersonal(s.ctx(), id) })
}

func (s *session) eraseOne(operands []string, done string, erase func(id string) error) error {
	id, err := oneID(operands)
	if err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	if err := erase(id); err != nil {
		return err
	}
	er, err := s.store.Erasures(s.ctx())
	if err != nil {
		return err
	}
	if err := backup.Erase(s.ctx(), s.dataDir, er); err != nil {
		return err
	}
	s.say(s.env.Stdout, s.tr.T(done, "ID", id))
	return nil
}

// contactExport is "ilsa contact export ID --out FILE": everything stored
// about the contact, as JSON or PDF by the file's extension.
func contactExport(fs *flag.FlagSet) runFunc {
	out := fs.String("out", "", "cli.flag.person.out")
	return func(s *session, operands []string) error {
		id, err := oneID(operands)
		if err != nil {
			return err
		}
		if err := checkOutFile(*out); err != nil {
			return err
		}
		if personFormat(*out) == "" {
			return usage("cli.error.person_format", "File", *out)
		}
		if err := s.open(); err != nil {
			return err
		}
		if err := exportPerson(s.ctx(), s.store, s.tr, id, *out); err != nil {
			return err
		}
		s.say(s.env.Stdout, s.tr.T("cli.person.written", "File", *out))
		return nil
	}
}
