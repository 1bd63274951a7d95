import { getAuth } from '@latch/nextjs/server';
import type { NextApiRequest, NextApiResponse } from 'next';

/** The Pages Router flavour: `getAuth(req)` in an API route. */
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const { userId } = getAuth(req);
  if (!userId) {
    return res.status(401).json({ error: 'Unauthorized' });
  }
  return res.status(200).json({ userId });
}
