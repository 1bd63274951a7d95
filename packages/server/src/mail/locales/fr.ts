import type { PartialEmailDictionary } from '../email-dictionary.js';

// French typography: a no-break space (U+00A0) before “:” and typographic apostrophes.

/**
 * French.
 *
 * @example
 * fr.templates?.sign_in_code?.heading // 'Votre code de connexion'
 */
export const fr: PartialEmailDictionary = {
  expiry: {
    one: 'Ce code expire dans {expiresInMinutes}\u00a0minute.',
    other: 'Ce code expire dans {expiresInMinutes}\u00a0minutes.',
  },
  linkFallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur\u00a0:',
  footer: 'Ce message automatique vous a été envoyé par {applicationName}.',
  templates: {
    verification_code: {
      subject: '{code} est votre code de vérification {applicationName}',
      heading: 'Vérifiez votre adresse e-mail',
      intro: 'Saisissez ce code dans {applicationName} pour vérifier votre adresse e-mail\u00a0:',
      outro: 'Si vous n’avez pas demandé ce code, vous pouvez ignorer cet e-mail.',
    },
    sign_in_code: {
      subject: '{code} est votre code de connexion {applicationName}',
      heading: 'Votre code de connexion',
      intro: 'Saisissez ce code pour vous connecter à {applicationName}\u00a0:',
      outro: 'Si vous n’avez pas essayé de vous connecter, vous pouvez ignorer cet e-mail.',
    },
    reset_password_code: {
      subject: '{code} est votre code de réinitialisation du mot de passe {applicationName}',
      heading: 'Réinitialisez votre mot de passe',
      intro: 'Saisissez ce code dans {applicationName} pour choisir un nouveau mot de passe\u00a0:',
      outro:
        'Si vous n’avez pas demandé à réinitialiser votre mot de passe, ignorez cet e-mail\u00a0: votre mot de passe reste inchangé.',
    },
    password_changed: {
      subject: 'Votre mot de passe {applicationName} a été modifié',
      heading: 'Votre mot de passe a été modifié',
      intro: 'Le mot de passe de votre compte {applicationName} vient d’être modifié.',
      outro:
        'Si vous n’êtes pas à l’origine de ce changement, réinitialisez votre mot de passe immédiatement et contactez le support {applicationName}.',
    },
    primary_email_changed: {
      subject: 'Votre adresse e-mail {applicationName} a été modifiée',
      heading: 'Votre adresse e-mail principale a été modifiée',
      intro: 'L’adresse e-mail principale de votre compte {applicationName} est désormais {newEmailAddress}.',
      outro: 'Si vous n’êtes pas à l’origine de ce changement, contactez immédiatement le support {applicationName}.',
    },
    organization_invitation: {
      subject: '{inviterName} vous invite à rejoindre {organizationName} sur {applicationName}',
      heading: 'Rejoignez {organizationName}',
      intro: '{inviterName} vous invite à rejoindre l’organisation {organizationName} sur {applicationName}.',
      action: 'Accepter l’invitation',
      outro: 'Si vous n’attendiez pas cette invitation, vous pouvez ignorer cet e-mail.',
    },
    test_email: {
      subject: 'E-mail de test de {applicationName}',
      heading: 'Vos réglages d’e-mail fonctionnent',
      intro:
        '{applicationName} a envoyé ce message pour vérifier ses réglages d’e-mail. Il est arrivé : ils fonctionnent.',
      outro:
        'Rien d’autre à faire. Si vous n’attendiez pas cet e-mail, quelqu’un a testé les réglages avec votre adresse.',
    },
  },
};
