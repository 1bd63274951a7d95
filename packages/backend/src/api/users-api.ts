import { joinPaths, requireId } from './path.js';
import type { RequestFunction } from './request.js';
import type {
  DeletedObject,
  Metadata,
  OrganizationInvitation,
  OrganizationMembership,
  PaginatedResourceResponse,
  User,
} from './resources.js';

export interface UserListParams {
  limit?: number;
  offset?: number;
  orderBy?: string;
  emailAddress?: string[];
  phoneNumber?: string[];
  externalId?: string[];
  username?: string[];
  userId?: string[];
  query?: string;
  lastActiveAtSince?: number;
  [filter: string]: unknown;
}

export interface UserMetadataParams {
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
}

export interface CreateUserParams extends UserMetadataParams {
  externalId?: string | null;
  emailAddress?: string[];
  phoneNumber?: string[];
  username?: string | null;
  password?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  locale?: string | null;
  skipPasswordChecks?: boolean;
  skipPasswordRequirement?: boolean;
  passwordDigest?: string;
  passwordHasher?: string;
  createdAt?: string;
  legalAcceptedAt?: string;
  skipLegalChecks?: boolean;
  deleteSelfEnabled?: boolean;
  createOrganizationEnabled?: boolean;
  createOrganizationsLimit?: number;
}

export interface UpdateUserParams extends Omit<CreateUserParams, 'emailAddress' | 'phoneNumber'> {
  primaryEmailAddressId?: string;
  primaryPhoneNumberId?: string;
}

const LIST_ONLY_PARAMS = ['limit', 'offset', 'orderBy'];

/** `latch.users`: the Backend API `/users` endpoints, named like `clerkClient.users`. */
export function createUsersAPI(request: RequestFunction) {
  const base = '/users';
  return {
    /** Users matching the filters, newest first, with the total count of all matches. */
    async getUserList(params: UserListParams = {}): Promise<PaginatedResourceResponse<User>> {
      const countParams = Object.fromEntries(Object.entries(params).filter(([key]) => !LIST_ONLY_PARAMS.includes(key)));
      const [data, totalCount] = await Promise.all([
        request<User[]>({ method: 'GET', path: base, queryParams: params }),
        request<number>({ method: 'GET', path: joinPaths(base, 'count'), queryParams: countParams }),
      ]);
      return { data, totalCount };
    },
    getUser(userId: string): Promise<User> {
      return request({ method: 'GET', path: joinPaths(base, requireId(userId, 'userId')) });
    },
    getCount(params: Omit<UserListParams, 'limit' | 'offset' | 'orderBy'> = {}): Promise<number> {
      return request({ method: 'GET', path: joinPaths(base, 'count'), queryParams: params });
    },
    createUser(params: CreateUserParams): Promise<User> {
      return request({ method: 'POST', path: base, bodyParams: { ...params } });
    },
    updateUser(userId: string, params: UpdateUserParams = {}): Promise<User> {
      return request({
        method: 'PATCH',
        path: joinPaths(base, requireId(userId, 'userId')),
        bodyParams: { ...params },
      });
    },
    /** Deep-merges into the user's metadata; a `null` value removes a key. */
    updateUserMetadata(userId: string, params: UserMetadataParams): Promise<User> {
      return request({
        method: 'PATCH',
        path: joinPaths(base, requireId(userId, 'userId'), 'metadata'),
        bodyParams: { ...params },
      });
    },
    /** Replaces the given metadata objects wholesale. */
    replaceUserMetadata(userId: string, params: UserMetadataParams): Promise<User> {
      return request({
        method: 'PUT',
        path: joinPaths(base, requireId(userId, 'userId'), 'metadata'),
        bodyParams: { ...params },
      });
    },
    deleteUser(userId: string): Promise<DeletedObject> {
      return request({ method: 'DELETE', path: joinPaths(base, requireId(userId, 'userId')) });
    },
    banUser(userId: string): Promise<User> {
      return request({ method: 'POST', path: joinPaths(base, requireId(userId, 'userId'), 'ban') });
    },
    unbanUser(userId: string): Promise<User> {
      return request({ method: 'POST', path: joinPaths(base, requireId(userId, 'userId'), 'unban') });
    },
    lockUser(userId: string): Promise<User> {
      return request({ method: 'POST', path: joinPaths(base, requireId(userId, 'userId'), 'lock') });
    },
    unlockUser(userId: string): Promise<User> {
      return request({ method: 'POST', path: joinPaths(base, requireId(userId, 'userId'), 'unlock') });
    },
    /** Resolves `{ verified: true }`; a wrong password rejects with a 422 `LatchAPIResponseError`. */
    verifyPassword(params: { userId: string; password: string }): Promise<{ verified: true }> {
      return request({
        method: 'POST',
        path: joinPaths(base, requireId(params.userId, 'userId'), 'verify_password'),
        bodyParams: { password: params.password },
      });
    },
    getOrganizationMembershipList(params: {
      userId: string;
      limit?: number;
      offset?: number;
    }): Promise<PaginatedResourceResponse<OrganizationMembership>> {
      const { userId, ...query } = params;
      return request({
        method: 'GET',
        path: joinPaths(base, requireId(userId, 'userId'), 'organization_memberships'),
        queryParams: query,
      });
    },
    getOrganizationInvitationList(params: {
      userId: string;
      status?: OrganizationInvitation['status'][];
      limit?: number;
      offset?: number;
    }): Promise<PaginatedResourceResponse<OrganizationInvitation>> {
      const { userId, ...query } = params;
      return request({
        method: 'GET',
        path: joinPaths(base, requireId(userId, 'userId'), 'organization_invitations'),
        queryParams: query,
      });
    },
  };
}

export type UsersAPI = ReturnType<typeof createUsersAPI>;
