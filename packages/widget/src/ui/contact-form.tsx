import { useState } from 'preact/hooks';
import { format, type Strings } from '../i18n/messages.ts';
import type { Contact } from '../state/session.store.ts';

type Props = { contact: Contact | null; onSave: (c: Contact) => Promise<void>; t: Strings };

// Optional: a visitor may stay anonymous; a name and email let the team answer by email too.
export function ContactForm({ contact, onSave, t }: Props) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(contact?.name ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  if (contact && !editing) {
    return (
      <p class="v-hours">
        {format(t.contactSaved, { name: contact.name || contact.email })}{' '}
        <button type="button" class="v-link" onClick={() => setEditing(true)}>
          {t.editContact}
        </button>
      </p>
    );
  }
  return (
    <form
      class="v-contact"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim() && !email.trim()) return;
        setBusy(true);
        setFailed(false);
        onSave({ name: name.trim(), email: email.trim() })
          .then(() => setEditing(false))
          .catch(() => setFailed(true))
          .finally(() => setBusy(false));
      }}
    >
      <span class="v-hours">{t.contactIntro}</span>
      <label>
        {t.name}
        <input data-testid="vinculo-name" name="name" autocomplete="name" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t.email}
        <input data-testid="vinculo-email" name="email" type="email" autocomplete="email" maxLength={320} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      {failed && (
        <span class="v-failed" role="alert">
          {t.contactFailed}
        </span>
      )}
      <div>
        <button type="submit" class="v-btn" data-testid="vinculo-contact-save" disabled={busy}>
          {t.save}
        </button>
      </div>
    </form>
  );
}
