export { createOperator, type NewOperator, OPERATOR_PASSWORD_POLICY } from './create-operator.js';
export { DEVELOPMENT_OPERATOR_EMAIL, developmentSignInLink, operatorSignInUrl } from './development-sign-in-link.js';
export { toOperatorJSON } from './operator-json.js';
export { createSignInLink } from './operator-sessions.js';
export { totpUri } from './totp.js';
