import { toDate } from './convert.js';
import type { EmailAddressJSON } from './json.js';
import type { ResourceCore } from './resource-core.js';
import { Verification } from './verification.js';

/** One of the signed-in user's email addresses (`/v1/me/email_addresses`). */
export class EmailAddress {
  readonly id: string;
  readonly emailAddress: string;
  readonly verification: Verification;
  readonly linkedTo: { id: string; type: string }[];
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;

  constructor(
    private readonly core: ResourceCore,
    json: EmailAddressJSON,
    private readonly sessionId: string | null,
  ) {
    this.id = json.id;
    this.emailAddress = json.email_address;
    this.verification = new Verification(json.verification);
    this.linkedTo = json.linked_to ?? [];
    this.createdAt = toDate(json.created_at);
    this.updatedAt = toDate(json.updated_at);
  }

  /** Sends a verification code to this address. */
  async prepareVerification(params: { strategy: 'email_code' } = { strategy: 'email_code' }): Promise<EmailAddress> {
    return this.call('POST', `/prepare_verification`, params);
  }

  /** Checks the code from the email; the address becomes verified. */
  async attemptVerification(params: { code: string }): Promise<EmailAddress> {
    return this.call('POST', `/attempt_verification`, params);
  }

  /** Removes the address from the account. */
  async destroy(): Promise<void> {
    await this.core.request({
      method: 'DELETE',
      path: `/me/email_addresses/${this.id}`,
      sessionId: this.actingSession(),
    });
  }

  toString(): string {
    return this.emailAddress;
  }

  private async call(method: 'POST', suffix: string, body: Record<string, unknown>): Promise<EmailAddress> {
    const { response } = await this.core.request({
      method,
      path: `/me/email_addresses/${this.id}${suffix}`,
      body,
      sessionId: this.actingSession(),
    });
    return new EmailAddress(this.core, response as EmailAddressJSON, this.sessionId);
  }

  private actingSession(): string | null {
    return this.sessionId ?? this.core.activeSessionId();
  }
}
