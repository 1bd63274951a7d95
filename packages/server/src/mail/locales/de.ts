import type { PartialEmailDictionary } from '../email-dictionary.js';

/**
 * German, in the formal register (“Sie”) that transactional mail in German uses.
 *
 * @example
 * de.templates?.sign_in_code?.heading // 'Ihr Anmeldecode'
 */
export const de: PartialEmailDictionary = {
  expiry: {
    one: 'Dieser Code läuft in {expiresInMinutes} Minute ab.',
    other: 'Dieser Code läuft in {expiresInMinutes} Minuten ab.',
  },
  linkFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
  footer: 'Dies ist eine automatische Nachricht von {applicationName}.',
  templates: {
    verification_code: {
      subject: '{code} ist Ihr Bestätigungscode für {applicationName}',
      heading: 'Bestätigen Sie Ihre E-Mail-Adresse',
      intro: 'Geben Sie diesen Code in {applicationName} ein, um Ihre E-Mail-Adresse zu bestätigen:',
      outro: 'Wenn Sie diesen Code nicht angefordert haben, können Sie diese E-Mail ignorieren.',
    },
    sign_in_code: {
      subject: '{code} ist Ihr Anmeldecode für {applicationName}',
      heading: 'Ihr Anmeldecode',
      intro: 'Geben Sie diesen Code ein, um sich bei {applicationName} anzumelden:',
      outro: 'Wenn Sie sich nicht anmelden wollten, können Sie diese E-Mail ignorieren.',
    },
    reset_password_code: {
      subject: '{code} ist Ihr Code zum Zurücksetzen des Passworts für {applicationName}',
      heading: 'Passwort zurücksetzen',
      intro: 'Geben Sie diesen Code in {applicationName} ein, um ein neues Passwort festzulegen:',
      outro:
        'Wenn Sie das Zurücksetzen nicht angefordert haben, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert.',
    },
    password_changed: {
      subject: 'Ihr Passwort für {applicationName} wurde geändert',
      heading: 'Ihr Passwort wurde geändert',
      intro: 'Das Passwort Ihres Kontos bei {applicationName} wurde soeben geändert.',
      outro:
        'Wenn Sie diese Änderung nicht vorgenommen haben, setzen Sie Ihr Passwort sofort zurück und wenden Sie sich an den Support von {applicationName}.',
    },
    primary_email_changed: {
      subject: 'Ihre E-Mail-Adresse für {applicationName} wurde geändert',
      heading: 'Ihre primäre E-Mail-Adresse wurde geändert',
      intro: 'Die primäre E-Mail-Adresse Ihres Kontos bei {applicationName} lautet jetzt {newEmailAddress}.',
      outro:
        'Wenn Sie diese Änderung nicht vorgenommen haben, wenden Sie sich umgehend an den Support von {applicationName}.',
    },
    organization_invitation: {
      subject: '{inviterName} hat Sie eingeladen, {organizationName} auf {applicationName} beizutreten',
      heading: 'Treten Sie {organizationName} bei',
      intro: '{inviterName} hat Sie eingeladen, der Organisation {organizationName} auf {applicationName} beizutreten.',
      action: 'Einladung annehmen',
      outro: 'Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.',
    },
    test_email: {
      subject: 'Test-E-Mail von {applicationName}',
      heading: 'Ihre E-Mail-Einstellungen funktionieren',
      intro:
        '{applicationName} hat diese Nachricht gesendet, um die E-Mail-Einstellungen zu prüfen. Sie ist angekommen, also funktionieren sie.',
      outro:
        'Sie müssen nichts weiter tun. Wenn Sie diese E-Mail nicht erwartet haben, hat jemand die Einstellungen mit Ihrer Adresse getestet.',
    },
  },
};
