// biome-ignore-all lint: the product description's sample, statement for statement (Biome-formatted, imports renamed).
// app/api/webhooks/clerk/route.ts — the product description's sample. Imports renamed:
// `next/headers` → a stand-in outside Next.js, `@clerk/nextjs/server` → `@latch/nextjs/server`
// (a type-only import, as TypeScript's verbatimModuleSyntax requires for a type). `svix` is svix 1.99.1.

import type { WebhookEvent } from '@latch/nextjs/server';
import { Webhook } from 'svix';
import { db, sendWelcomeEmail } from '../../../../db.js';
import { headers } from '../../../../next-headers.js';
export async function POST(req: Request) {
  const WEBHOOK_SECRET = process.env.CLERK_WEBHOOK_SECRET;
  if (!WEBHOOK_SECRET) {
    throw new Error('CLERK_WEBHOOK_SECRET is required');
  }
  // Get headers
  const headerPayload = headers();
  const svix_id = headerPayload.get('svix-id');
  const svix_timestamp = headerPayload.get('svix-timestamp');
  const svix_signature = headerPayload.get('svix-signature');
  if (!svix_id || !svix_timestamp || !svix_signature) {
    return new Response('Missing svix headers', { status: 400 });
  }
  // Get body
  const payload = await req.json();
  const body = JSON.stringify(payload);
  // Verify webhook
  const wh = new Webhook(WEBHOOK_SECRET);
  let evt: WebhookEvent;
  try {
    evt = wh.verify(body, {
      'svix-id': svix_id,
      'svix-timestamp': svix_timestamp,
      'svix-signature': svix_signature,
    }) as WebhookEvent;
  } catch (err) {
    console.error('Webhook verification failed:', err);
    return new Response('Invalid signature', { status: 400 });
  }
  // Handle events
  const eventType = evt.type;
  switch (eventType) {
    case 'user.created':
      await handleUserCreated(evt.data);
      break;
    case 'user.updated':
      await handleUserUpdated(evt.data);
      break;
    case 'user.deleted':
      await handleUserDeleted(evt.data);
      break;
    case 'organization.created':
      await handleOrgCreated(evt.data);
      break;
    case 'organizationMembership.created':
      await handleMemberAdded(evt.data);
      break;
    default:
      console.log(`Unhandled event type: ${eventType}`);
  }
  return new Response('OK', { status: 200 });
}
async function handleUserCreated(data: any) {
  const { id, email_addresses, first_name, last_name, image_url } = data;
  await db.users.create({
    data: {
      clerkId: id,
      email: email_addresses[0]?.email_address,
      firstName: first_name,
      lastName: last_name,
      imageUrl: image_url,
    },
  });
  // Send welcome email
  await sendWelcomeEmail(email_addresses[0]?.email_address);
}
async function handleUserDeleted(data: any) {
  const { id } = data;
  // Soft delete or anonymization
  await db.users.update({
    where: { clerkId: id },
    data: {
      deletedAt: new Date(),
      email: null,
      firstName: 'Deleted',
      lastName: 'User',
    },
  });
}
// The sample calls these three without showing them; written in the same style.
async function handleUserUpdated(data: any) {
  const { id, email_addresses, first_name, last_name, image_url } = data;
  await db.users.update({
    where: { clerkId: id },
    data: {
      email: email_addresses[0]?.email_address,
      firstName: first_name,
      lastName: last_name,
      imageUrl: image_url,
    },
  });
}
async function handleOrgCreated(data: any) {
  const { id, name, slug } = data;
  await db.organizations.create({ data: { clerkId: id, name, slug } });
}
async function handleMemberAdded(data: any) {
  const { id, organization, public_user_data, role } = data;
  await db.memberships.create({
    data: { clerkId: id, organizationId: organization.id, userId: public_user_data.user_id, role },
  });
}
