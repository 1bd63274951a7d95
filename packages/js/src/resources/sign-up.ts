import { toDate } from './convert.js';
import type { SignUpJSON } from './json.js';
import type { ResourceCore } from './resource-core.js';
import { Verification } from './verification.js';

export type SignUpStatus = 'missing_requirements' | 'complete' | 'abandoned';

export interface SignUpCreateParams {
  emailAddress?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  unsafeMetadata?: Record<string, unknown>;
  legalAccepted?: boolean;
}

/**
 * The client's sign-up attempt (`/v1/client/sign_ups`): create it, verify the email address with a
 * code, then activate `createdSessionId`.
 *
 * @example
 * const signUp = await latch.client.signUp.create({ emailAddress, password });
 * await signUp.prepareEmailAddressVerification();
 * await signUp.attemptEmailAddressVerification({ code }); // status 'complete'
 * await latch.setActive({ session: signUp.createdSessionId });
 */
export class SignUp {
  id = '';
  status: SignUpStatus | null = null;
  requiredFields: string[] = [];
  optionalFields: string[] = [];
  missingFields: string[] = [];
  unverifiedFields: string[] = [];
  verifications: {
    emailAddress: Verification;
    phoneNumber: Verification;
    web3Wallet: Verification;
    externalAccount: Verification;
  } = emptyVerifications();
  username: string | null = null;
  firstName: string | null = null;
  lastName: string | null = null;
  emailAddress: string | null = null;
  phoneNumber: string | null = null;
  hasPassword = false;
  unsafeMetadata: Record<string, unknown> = {};
  createdSessionId: string | null = null;
  createdUserId: string | null = null;
  abandonAt: Date | null = null;
  legalAcceptedAt: Date | null = null;

  constructor(
    private readonly core: ResourceCore,
    json: SignUpJSON | null,
  ) {
    if (json) this.fromJSON(json);
  }

  async create(params: SignUpCreateParams): Promise<SignUp> {
    return this.send('POST', '/client/sign_ups', { ...params });
  }

  /** Supplies missing fields (`PATCH /v1/client/sign_ups/{id}`). */
  async update(params: SignUpCreateParams): Promise<SignUp> {
    return this.send('PATCH', this.path(''), { ...params });
  }

  async prepareVerification(params: { strategy: 'email_code' }): Promise<SignUp> {
    return this.send('POST', this.path('/prepare_verification'), { ...params });
  }

  async attemptVerification(params: { strategy: 'email_code'; code: string }): Promise<SignUp> {
    return this.send('POST', this.path('/attempt_verification'), { ...params });
  }

  /** Sends the code to the sign-up's email address. */
  async prepareEmailAddressVerification(params: { strategy?: 'email_code' } = {}): Promise<SignUp> {
    return this.prepareVerification({ strategy: params.strategy ?? 'email_code' });
  }

  async attemptEmailAddressVerification(params: { code: string }): Promise<SignUp> {
    return this.attemptVerification({ strategy: 'email_code', code: params.code });
  }

  async reload(): Promise<SignUp> {
    return this.send('GET', this.path(''));
  }

  private path(suffix: string): string {
    return `/client/sign_ups/${this.id}${suffix}`;
  }

  private async send(method: 'GET' | 'POST' | 'PATCH', path: string, body?: Record<string, unknown>) {
    const { response } = await this.core.request({ method, path, ...(body ? { body } : {}) });
    return this.fromJSON(response as SignUpJSON);
  }

  private fromJSON(json: SignUpJSON): this {
    this.id = json.id;
    this.status = json.status;
    this.requiredFields = json.required_fields ?? [];
    this.optionalFields = json.optional_fields ?? [];
    this.missingFields = json.missing_fields ?? [];
    this.unverifiedFields = json.unverified_fields ?? [];
    this.verifications = {
      emailAddress: new Verification(json.verifications?.email_address ?? null),
      phoneNumber: new Verification(json.verifications?.phone_number ?? null),
      web3Wallet: new Verification(json.verifications?.web3_wallet ?? null),
      externalAccount: new Verification(json.verifications?.external_account ?? null),
    };
    this.username = json.username ?? null;
    this.firstName = json.first_name ?? null;
    this.lastName = json.last_name ?? null;
    this.emailAddress = json.email_address ?? null;
    this.phoneNumber = json.phone_number ?? null;
    this.hasPassword = json.has_password ?? false;
    this.unsafeMetadata = json.unsafe_metadata ?? {};
    this.createdSessionId = json.created_session_id ?? null;
    this.createdUserId = json.created_user_id ?? null;
    this.abandonAt = toDate(json.abandon_at);
    this.legalAcceptedAt = toDate(json.legal_accepted_at);
    return this;
  }
}

function emptyVerifications() {
  return {
    emailAddress: new Verification(null),
    phoneNumber: new Verification(null),
    web3Wallet: new Verification(null),
    externalAccount: new Verification(null),
  };
}
