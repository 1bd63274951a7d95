import { defineEndpoint } from '@latch/protocol';
import { z } from 'zod';

const tag = 'Operators';
const ROLES = ['owner', 'admin', 'support'] as const;

/** An operator as the Backend API shows it: never a password digest or a TOTP secret. */
export const OperatorJSON = z
  .object({
    object: z.literal('operator'),
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(ROLES),
    has_password: z.boolean(),
    totp_enabled: z.boolean(),
    last_sign_in_at: z.number().int().nullable(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
  })
  .meta({ id: 'Operator' });

/** A one-time dashboard sign-in link: shown once, to hand to the operator. */
export const OperatorSignInLinkJSON = z
  .object({
    object: z.literal('operator_sign_in_link'),
    operator_id: z.string(),
    url: z.string(),
    expires_at: z.number().int(),
  })
  .meta({ id: 'OperatorSignInLink' });

export const OperatorIdParams = z.object({ operator_id: z.string().min(1).max(128) });

export const CreateOperatorBody = z
  .strictObject({
    email: z.string().min(3).max(320),
    name: z.string().max(200).nullable().optional(),
    role: z.enum(ROLES),
  })
  .meta({ id: 'CreateOperatorBody' });

export const UpdateOperatorBody = z
  .strictObject({
    role: z.enum(ROLES).optional(),
    name: z.string().max(200).nullable().optional(),
  })
  .meta({ id: 'UpdateOperatorBody' });

export const listOperators = defineEndpoint({
  method: 'get',
  path: '/operators',
  operationId: 'ListOperators',
  summary: 'The dashboard operators, oldest first.',
  tag,
  response: z.array(OperatorJSON),
});

export const createOperatorEndpoint = defineEndpoint({
  method: 'post',
  path: '/operators',
  operationId: 'CreateOperator',
  summary: 'Invite an operator (owners only): returns them with a one-time sign-in link to hand over.',
  tag,
  body: CreateOperatorBody,
  response: OperatorJSON.extend({ sign_in_link: OperatorSignInLinkJSON }),
  errors: [403],
});

export const updateOperatorEndpoint = defineEndpoint({
  method: 'patch',
  path: '/operators/{operator_id}',
  operationId: 'UpdateOperator',
  summary: "Change an operator's role or name (owners only; never your own role, never the last owner's).",
  tag,
  params: OperatorIdParams,
  body: UpdateOperatorBody,
  response: OperatorJSON,
  errors: [403, 404],
});

export const deleteOperatorEndpoint = defineEndpoint({
  method: 'delete',
  path: '/operators/{operator_id}',
  operationId: 'DeleteOperator',
  summary: 'Remove an operator and end their sessions (owners only; never yourself, never the last owner).',
  tag,
  params: OperatorIdParams,
  response: z.object({ object: z.literal('operator'), id: z.string(), deleted: z.literal(true) }),
  errors: [403, 404],
});

export const createOperatorSignInLink = defineEndpoint({
  method: 'post',
  path: '/operators/{operator_id}/sign_in_links',
  operationId: 'CreateOperatorSignInLink',
  summary: 'A new one-time dashboard sign-in link for an operator (owners only), valid 15 minutes.',
  tag,
  params: OperatorIdParams,
  response: OperatorSignInLinkJSON,
  errors: [403, 404],
});
