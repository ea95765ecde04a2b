// Ward news, the staff side. Unit officers, reviewers (VH-XH) and admins
// write stories; a unit officer reads and edits only their own unit's, and
// may send them for approval. Reviewers and admins approve, publish and
// unpublish. A repeated tap (approving an approved story) changes nothing
// and is not an error; a step out of order is 409; a broken rule 422.
import { Hono, type Context } from 'hono';
import { storyInputSchema, storyQuerySchema, type Story } from '../../shared/news/schema.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import type { Units } from '../plans/units.ts';
import { StoryRuleError, type Stories, type StoryAction, type StoryFields } from '../news/store.ts';
import type { StoryPhotos } from '../news/photos.ts';
import type { StaffUser } from '../../shared/api.ts';

const STORY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const AUDIT = { submit: 'story.submitted', approve: 'story.approved', publish: 'story.published', unpublish: 'story.unpublished' } as const;

export function storyRoutes(ctx: AppContext, store: Stories, units: Units, photos: StoryPhotos) {
  const writers = requireStaff(ctx, ['reviewer', 'admin', 'unit']);
  const office = requireStaff(ctx, ['reviewer', 'admin']);

  /** A unit officer's unit; 403 when the account is bound to none. */
  const unitOf = async (me: StaffUser) => {
    const id = await units.unitOf(me.id);
    if (!id) throw apiError(403, 'no_unit', 'Your account is not bound to a unit; ask an admin');
    return id;
  };
  /** The story, when this staff member may see it. */
  const storyFor = async (me: StaffUser, raw: string): Promise<Story> => {
    const story = STORY_ID.test(raw) ? await store.get(raw) : undefined;
    if (!story) throw apiError(404, 'not_found', 'No such story');
    if (me.role === 'unit' && story.unitId !== (await unitOf(me))) throw apiError(403, 'forbidden', 'You work only on your own unit\'s stories');
    return story;
  };
  /** A unit officer always writes for their own unit; the office keeps a story's unit unless it names another (or null). */
  const fieldsFor = async (me: StaffUser, fields: StoryFields, before?: Story): Promise<StoryFields> => {
    if (me.role === 'unit') return { ...fields, unitId: await unitOf(me) };
    return fields.unitId === undefined && before ? { ...fields, unitId: before.unitId } : fields;
  };
  /** The unit whose photos this staff member may use: their own for a unit officer, any (null) for the office. */
  const photoUnit = async (me: StaffUser) => (me.role === 'unit' ? await unitOf(me) : null);
  const mayUsePhoto = (me: StaffUser) => async (sha256: string) => photos.mayUse(sha256, await photoUnit(me));
  const ruled = async <T,>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof StoryRuleError) throw apiError(error.code === 'wrong_status' ? 409 : 422, error.code, error.message);
      throw error;
    }
  };
  const move = (action: StoryAction) => async (c: Context<AppEnv>) => {
    const me = c.get('staff');
    const story = await storyFor(me, c.req.param('id') ?? '');
    const { story: after, changed } = await ruled(() => store.move(story.id, action, me.id));
    if (changed) await ctx.audit.record(me, AUDIT[action], { type: 'story', id: story.id }, { kind: story.kind });
    return c.json(after);
  };

  return new Hono<AppEnv>()
    .get('/', writers, async (c) => {
      const me = c.get('staff');
      const { status } = parseWith(storyQuerySchema, c.req.query());
      return c.json({ stories: await store.list({ status, unitId: me.role === 'unit' ? await unitOf(me) : undefined }) });
    })
    .post('/', writers, async (c) => {
      const me = c.get('staff');
      const fields = await fieldsFor(me, await readBody(c, storyInputSchema));
      const story = await ruled(() => store.create(fields, me.id, mayUsePhoto(me)));
      await ctx.audit.record(me, 'story.created', { type: 'story', id: story.id }, { kind: story.kind, consent: story.consent });
      return c.json(story, 201);
    })
    .get('/:id', writers, async (c) => c.json(await storyFor(c.get('staff'), c.req.param('id'))))
    .put('/:id', writers, async (c) => {
      const me = c.get('staff');
      const story = await storyFor(me, c.req.param('id'));
      const fields = await fieldsFor(me, await readBody(c, storyInputSchema), story);
      if (story.status === 'published') throw apiError(409, 'wrong_status', 'Unpublish the story before editing it');
      if (me.role === 'unit' && story.status !== 'draft' && story.status !== 'submitted') {
        throw apiError(409, 'wrong_status', 'The story is approved; ask VH-XH to change it');
      }
      const after = await ruled(() => store.update(story.id, fields, me.id, mayUsePhoto(me)));
      await ctx.audit.record(me, 'story.updated', { type: 'story', id: story.id }, { kind: after.kind, consent: after.consent });
      return c.json(after);
    })
    .post('/:id/submit', writers, move('submit'))
    .post('/:id/approve', office, move('approve'))
    .post('/:id/publish', office, move('publish'))
    .post('/:id/unpublish', office, move('unpublish'));
}
