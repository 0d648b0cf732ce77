package app

import (
	"flag"

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
