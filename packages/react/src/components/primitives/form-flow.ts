'use client';
import { useCallback, useId, useRef, useState } from 'react';
import { type DisplayErrors, toDisplayErrors } from '../errors.js';
import { useUI } from '../ui-context.js';

const NO_ERRORS: DisplayErrors = { fields: {}, global: null };

/**
 * State of one form step: field values, busy flag and errors. `submit` runs an async action once at a
 * time (a second Enter while busy is ignored), maps a thrown API error onto the fields named in
 * `fieldNames`, and moves focus to the first field in error so keyboard users land where the problem is.
 *
 * @example
 * const form = useFormFlow({ identifier: '' });
 * <form onSubmit={form.onSubmit(async (values) => signIn.create({ identifier: values.identifier }))}>
 */
export function useFormFlow<Values extends Record<string, string>>(initial: Values) {
  const { l } = useUI();
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<DisplayErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const prefix = useId();

  const idFor = useCallback((name: string) => `${prefix}-${name}`, [prefix]);

  const setValue = useCallback((name: keyof Values & string, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    // Typing in a field clears its own error (the form-level one stays until the next attempt).
    setErrors((current) => {
      if (!current.fields[name]) return current;
      const { [name]: _cleared, ...fields } = current.fields;
      return { ...current, fields };
    });
  }, []);

  const submit = useCallback(
    async (action: (values: Values) => Promise<void>, fieldNames?: readonly string[]) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setErrors(NO_ERRORS);
      try {
        await action(values);
      } catch (error) {
        const display = toDisplayErrors(error, l, fieldNames ?? Object.keys(values));
        setErrors(display);
        const first = Object.keys(display.fields)[0];
        if (first) queueMicrotask(() => document.getElementById(idFor(first))?.focus());
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [values, l, idFor],
  );

  const onSubmit = useCallback(
    (action: (values: Values) => Promise<void>, fieldNames?: readonly string[]) =>
      (event: { preventDefault(): void }) => {
        event.preventDefault();
        void submit(action, fieldNames);
      },
    [submit],
  );

  return { values, setValue, setValues, errors, setErrors, busy, submit, onSubmit, idFor };
}
