import { camelizeKeys } from './convert.js';
import type { SignInJSON } from './json.js';
import type { ResourceCore } from './resource-core.js';
import { Verification } from './verification.js';

export type SignInStatus =
  | 'needs_identifier'
  | 'needs_first_factor'
  | 'needs_second_factor'
  | 'needs_new_password'
  | 'needs_client_trust'
  | 'complete';

export type FirstFactorStrategy = 'password' | 'email_code' | 'reset_password_email_code';

/** One way to prove the identity, as the server offers it (`supportedFirstFactors`). */
export interface SignInFactor {
  strategy: string;
  emailAddressId?: string;
  phoneNumberId?: string;
  safeIdentifier?: string;
  primary?: boolean;
}

export interface SignInCreateParams {
  identifier?: string;
  strategy?: FirstFactorStrategy;
  password?: string;
}

export type PrepareFirstFactorParams = {
  strategy: 'email_code' | 'reset_password_email_code';
  /** Defaults to the first offered factor of that strategy. */
  emailAddressId?: string;
};

export type AttemptFirstFactorParams =
  | { strategy: 'password'; password: string }
  | { strategy: 'email_code' | 'reset_password_email_code'; code: string };

export interface PrepareSecondFactorParams {
  strategy: string;
  phoneNumberId?: string;
}

export interface AttemptSecondFactorParams {
  strategy: string;
  code: string;
}

/**
 * The client's sign-in attempt (`/v1/client/sign_ins`). Every method answers with this same object,
 * updated; `createdSessionId` is set once `status` is `complete` — pass it to `latch.setActive()`.
 *
 * @example
 * const signIn = await latch.client.signIn.create({ identifier: 'ada@example.com', strategy: 'password', password });
 * if (signIn.status === 'complete') await latch.setActive({ session: signIn.createdSessionId });
 */
export class SignIn {
  id = '';
  status: SignInStatus | null = null;
  supportedIdentifiers: string[] = [];
  identifier: string | null = null;
  userData: { firstName: string | null; lastName: string | null; imageUrl: string; hasImage: boolean } | null = null;
  supportedFirstFactors: SignInFactor[] = [];
  supportedSecondFactors: SignInFactor[] | null = null;
  firstFactorVerification: Verification = new Verification(null);
  secondFactorVerification: Verification = new Verification(null);
  createdSessionId: string | null = null;

  constructor(
    private readonly core: ResourceCore,
    json: SignInJSON | null,
  ) {
    if (json) this.fromJSON(json);
  }

  /** Starts a sign-in (with `strategy: 'password'` and `password`, it may complete at once). */
  async create(params: SignInCreateParams): Promise<SignIn> {
    return this.send('POST', '/client/sign_ins', { ...params });
  }

  async prepareFirstFactor(params: PrepareFirstFactorParams): Promise<SignIn> {
    const emailAddressId =
      params.emailAddressId ??
      this.supportedFirstFactors.find((factor) => factor.strategy === params.strategy)?.emailAddressId;
    return this.send('POST', this.path('/prepare_first_factor'), { ...params, emailAddressId });
  }

  async attemptFirstFactor(params: AttemptFirstFactorParams): Promise<SignIn> {
    return this.send('POST', this.path('/attempt_first_factor'), { ...params });
  }

  async prepareSecondFactor(params: PrepareSecondFactorParams): Promise<SignIn> {
    return this.send('POST', this.path('/prepare_second_factor'), { ...params });
  }

  async attemptSecondFactor(params: AttemptSecondFactorParams): Promise<SignIn> {
    return this.send('POST', this.path('/attempt_second_factor'), { ...params });
  }

  /** After a correct `reset_password_email_code` (`needs_new_password`): sets the password and completes. */
  async resetPassword(params: { password: string; signOutOfOtherSessions?: boolean }): Promise<SignIn> {
    return this.send('POST', this.path('/reset_password'), { ...params });
  }

  async reload(): Promise<SignIn> {
    return this.send('GET', this.path(''));
  }

  private path(suffix: string): string {
    return `/client/sign_ins/${this.id}${suffix}`;
  }

  private async send(method: 'GET' | 'POST', path: string, body?: Record<string, unknown>): Promise<SignIn> {
    const { response } = await this.core.request({ method, path, ...(body ? { body } : {}) });
    return this.fromJSON(response as SignInJSON);
  }

  private fromJSON(json: SignInJSON): this {
    this.id = json.id;
    this.status = json.status as SignInStatus;
    this.supportedIdentifiers = json.supported_identifiers ?? [];
    this.identifier = json.identifier ?? null;
    this.userData = json.user_data
      ? {
          firstName: json.user_data.first_name,
          lastName: json.user_data.last_name,
          imageUrl: json.user_data.image_url,
          hasImage: json.user_data.has_image,
        }
      : null;
    this.supportedFirstFactors = camelizeKeys<SignInFactor[]>(json.supported_first_factors ?? []);
    this.supportedSecondFactors = json.supported_second_factors
      ? camelizeKeys<SignInFactor[]>(json.supported_second_factors)
      : null;
    this.firstFactorVerification = new Verification(json.first_factor_verification);
    this.secondFactorVerification = new Verification(json.second_factor_verification);
    this.createdSessionId = json.created_session_id ?? null;
    return this;
  }
}
