import { usersEndpoints } from '@latch/protocol';
import { checkUserPassword } from '../../../domain/users/verify-user-password.js';
import { formError } from '../../../errors.js';
import { route } from '../route.js';

export const verifyPasswordRoute = route(
  usersEndpoints.verifyUserPassword,
  async ({ params, body }, { store, clock }) => {
    const matches = await checkUserPassword(store, params.user_id, body.password, clock.now());
    if (!matches) {
      throw formError(
        'form_password_incorrect',
        'password',
        'is incorrect',
        'Password is incorrect. Try again, or use another method.',
      );
    }
    return { verified: true };
  },
);
