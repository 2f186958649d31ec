'use client';

import { useId, useRef, useState } from 'react';
import { suggestTermsAction } from '@/lib/posts/tag-actions';

interface TermNameInputProps {
  kind: 'tag' | 'category';
  name: string;
  label: string;
  defaultValue?: string;
  required?: boolean;
  placeholder?: string;
  /** A term not to offer (the one being merged). */
  exclude?: number;
}

/** A name box that offers, as the editor types, the few terms whose name contains it: never a list of every term. */
export function TermNameInput({ kind, name, label, defaultValue, required, placeholder, exclude }: TermNameInputProps) {
  const listId = useId();
  const [options, setOptions] = useState<{ id: number; name: string }[]>([]);
  const asked = useRef(0);
  return (
    <>
      <input
        name={name}
        list={listId}
        required={required}
        autoComplete="off"
        defaultValue={defaultValue}
        placeholder={placeholder}
        aria-label={label}
        onChange={async (event) => {
          const ask = ++asked.current;
          const found = await suggestTermsAction({ kind, q: event.currentTarget.value }).catch(() => []);
          if (ask === asked.current) setOptions(found.filter((o) => o.id !== exclude));
        }}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.name} />
        ))}
      </datalist>
    </>
  );
}
