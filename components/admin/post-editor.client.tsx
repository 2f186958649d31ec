'use client';

import { startTransition, useEffect, useRef, useState, type FormEvent } from 'react';
import type { EditorState } from '@/lib/posts/editor-state';
import { discardAutosaveAction } from '@/lib/autosave/actions';
import { autosavedFieldsOf, type AutosavedFields } from '@/lib/validations/autosave';
import { fieldErrors, postFormSchema, type PostFormInput } from '@/lib/validations/post-form';
import { BodyPane } from './body-pane.client';
import { ConflictPanel } from './conflict-panel';
import { Field } from './field';
import { PostMetaFields } from './post-meta-fields';
import { AutosaveOffer, SaveState, type SaveIndicator } from './save-state.client';
import { useAutosave } from './use-autosave';
import { OFFLINE_MESSAGE, useEditorSave } from './use-editor-save';
import { useLeaveGuard } from './use-leave-guard';
import { SerpPreview } from './writing-aids.client';
import { ClientButton } from './client-button.client';

interface PostEditorProps {
  postId?: number;
  version: number;
  initial: PostFormInput;
  tagSuggestions: string[];
  categorySuggestions: string[];
  /** This user's unsaved changes kept on the server, offered for restoring. */
  autosave?: { fields: AutosavedFields; baseVersion: number; savedAt: string };
  /** The post was just created from the new-post editor: its autosave is done with. */
  created?: boolean;
  /** The site's title (a setting), which ends the title search engines show. */
  siteTitle: string;
}

const metaOf = (values: Pick<PostFormInput, 'title' | 'slug' | 'description' | 'coverImage'>) => ({
  title: values.title,
  slug: values.slug,
  description: values.description,
  coverImage: values.coverImage,
});

export function PostEditor({
  siteTitle,
  postId,
  version: initialVersion,
  initial,
  tagSuggestions,
  categorySuggestions,
  autosave,
  created,
}: PostEditorProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const { state, dispatch: formAction, pending, offline: saveOffline } = useEditorSave(formRef);
  const [clientErrors, setClientErrors] = useState<EditorState['errors']>();
  const [values, setValues] = useState(initial);
  const [formKey, setFormKey] = useState(0);
  const [offer, setOffer] = useState(autosave);
  const [restoredBase, setRestoredBase] = useState<number>();
  // Versions only grow: the newest of what the server last confirmed and what a conflict offered.
  const [overrideVersion, setOverrideVersion] = useState(0);
  const version = Math.max(overrideVersion, state.version ?? restoredBase ?? initialVersion);
  const [dirty, setDirty] = useState(false);
  const [changes, setChanges] = useState(0);
  const [submittedChanges, setSubmittedChanges] = useState(0);
  const [seenState, setSeenState] = useState(state);
  const settled = state.status === 'saved' || state.status === 'unchanged';
  if (seenState !== state) {
    setSeenState(state);
    // Edits typed while the save was on its way are still unsaved.
    if (settled) setDirty(changes !== submittedChanges);
  }
  const [format, setFormat] = useState(initial.format);
  const [body, setBody] = useState(initial.body);
  const [meta, setMeta] = useState(() => metaOf(initial));
  const errors = clientErrors ?? state.errors;
  const edited = () => {
    setDirty(true);
    setChanges((n) => n + 1);
  };

  useLeaveGuard(dirty, formRef);
  const auto = useAutosave({
    postId: postId ?? null,
    version,
    dirty,
    changes,
    read: () => autosavedFieldsOf(Object.fromEntries(new FormData(formRef.current ?? undefined))),
  });

  useEffect(() => {
    if (state.status === 'saved' || state.status === 'unchanged')
      void discardAutosaveAction(postId ?? null).catch(() => {});
    if (state.status === 'conflict')
      document.getElementById('conflict-title')?.scrollIntoView({ block: 'start' });
  }, [state, postId]);

  useEffect(() => {
    if (created) void discardAutosaveAction(null).catch(() => {});
  }, [created]);

  useEffect(() => {
    const save = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', save);
    return () => window.removeEventListener('keydown', save);
  }, []);

  function restore() {
    if (!offer) return;
    setValues({
      ...values,
      ...offer.fields,
      format: offer.fields.format as PostFormInput['format'],
      status: offer.fields.status as PostFormInput['status'],
    });
    setFormat(offer.fields.format as PostFormInput['format']);
    setMeta(metaOf(offer.fields));
    setBody(offer.fields.body);
    setRestoredBase(offer.baseVersion);
    setFormKey((k) => k + 1);
    setOffer(undefined);
    edited();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    // Dispatched by hand: a form action would reset the uncontrolled fields after every attempt, even a refused one.
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const parsed = postFormSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const found = fieldErrors(parsed.error);
      setClientErrors(found);
      const first = Object.keys(found)[0];
      if (first) document.getElementById(`field-${first}`)?.focus();
      return;
    }
    setClientErrors(undefined);
    setSubmittedChanges(changes);
    startTransition(() => formAction(formData));
  }

  const indicator: SaveIndicator =
    pending || auto.autosaving
      ? 'saving'
      : saveOffline || auto.offline
        ? 'offline'
        : !dirty
          ? 'saved'
          : auto.autosavedAt
            ? 'autosaved'
            : 'dirty';
  const message =
    pending || (dirty && settled)
      ? undefined
      : saveOffline
        ? OFFLINE_MESSAGE
        : (auto.error ?? state.message);

  return (
    <form
      key={formKey}
      ref={formRef}
      onSubmit={submit}
      onChange={(event) => {
        edited();
        setMeta(metaOf(Object.fromEntries(new FormData(event.currentTarget)) as PostFormInput));
      }}
      className="editor"
      noValidate
    >
      {postId ? <input type="hidden" name="postId" value={postId} /> : null}
      <input type="hidden" name="version" value={version} />
      {offer ? (
        <AutosaveOffer
          {...offer}
          version={initialVersion}
          onRestore={restore}
          onDiscard={async () => {
            const done = await discardAutosaveAction(postId ?? null).then(
              () => true,
              () => false,
            );
            if (done) setOffer(undefined);
            return done;
          }}
        />
      ) : null}
      <div className="editor-grid">
        <div className="editor-side">
          <PostMetaFields
            initial={values}
            errors={errors}
            tagSuggestions={tagSuggestions}
            categorySuggestions={categorySuggestions}
          />
          <SerpPreview {...meta} siteTitle={siteTitle} />
        </div>
        <BodyPane
          format={format}
          onFormat={setFormat}
          body={body}
          onBody={(value) => {
            setBody(value);
            edited();
          }}
          errors={errors}
          title={meta.title}
        />
      </div>
      {state.status === 'conflict' && state.conflict ? (
        <ConflictPanel
          conflict={state.conflict}
          onOverwrite={() => setOverrideVersion(state.conflict!.version)}
        />
      ) : null}
      <div className="editor-actions">
        <Field name="message" label="修改说明（可选）" errors={errors?.message}>
          {(p) => <input {...p} name="message" defaultValue="" />}
        </Field>
        <ClientButton type="submit" disabled={pending}>
          {pending ? '正在保存…' : '保存'}
        </ClientButton>
        <SaveState indicator={indicator} autosavedAt={auto.autosavedAt} message={message} />
      </div>
    </form>
  );
}
