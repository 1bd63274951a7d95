'use client';
import { useState } from 'react';
import { whoAmI } from '../actions';

/** Calls the Server Action and shows what it answered (or that it threw). */
export function WhoAmI() {
  const [answer, setAnswer] = useState('');
  return (
    <p>
      <button
        type="button"
        id="who-am-i"
        onClick={async () => {
          try {
            const { userId } = await whoAmI();
            setAnswer(`action sees ${userId}`);
          } catch {
            setAnswer('action refused');
          }
        }}
      >
        Who am I (Server Action)
      </button>{' '}
      <output id="who-am-i-answer">{answer}</output>
    </p>
  );
}
