export * from './errors.js';
export * from './endpoint.js';
export * from './resources/common.js';
export * from './resources/user.js';
export * from './resources/environment.js';
export * from './bapi/user-params.js';
export * as usersEndpoints from './bapi/users-endpoints.js';
export * as jwksEndpoints from './bapi/jwks-endpoints.js';
export * from './keys/publishable-key.js';
