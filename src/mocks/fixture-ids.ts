/**
 * Ids of demo-region records in the states stories and widget tests need, looked up from the
 * fixtures (never hard-coded), so a story asks for "an open survey" rather than for an id.
 * States of polls follow from their dates relative to the region's `now`; the generator keeps each
 * record's state the same for any `now`, so these ids hold for a backend built at any time.
 */
import { createDemoRegion, pollStatusAt } from '../../api/fixtures/demo-region';

const region = createDemoRegion();
const now = new Date('2026-11-26T09:00:00Z');
const state = (id: string) => pollStatusAt(region.polls.find((p) => p.id === id)!, now);

function pollId(test: (p: (typeof region.polls)[number]) => boolean, what: string): string {
  const p = region.polls.find(test);
  if (!p) throw new Error(`mocks: the demo region has no poll that is ${what}`);
  return p.id;
}
const type = (p: (typeof region.polls)[number]) => (p.kind === 'survey' ? 'survey' : p.questions[0]!.type);
const openPoll = (t: string) => pollId((p) => type(p) === t && state(p.id) === 'open', `open ${t}`);
const votedBy = (citizenId: string) => pollId((p) => state(p.id) === 'open' && p.ballots.some((b) => b.citizenId === citizenId), `open and voted by ${citizenId}`);
const notVotedBy = (citizenId: string) => pollId((p) => state(p.id) === 'open' && !p.ballots.some((b) => b.citizenId === citizenId), `open and not voted by ${citizenId}`);

/** Resolved within the confirmation period (at the fixtures' `now`): the author may still confirm. */
const confirmable = (c: (typeof region.complaints)[number]) => {
  const resolved = c.history.findLast((h) => h.status === 'resolved');
  return c.status === 'resolved' && !!resolved && now.getTime() - Date.parse(resolved.at) < 14 * 86_400_000;
};

function complaintId(status: string, citizenId?: string, test: (c: (typeof region.complaints)[number]) => boolean = () => true): string {
  const c = region.complaints.find((x) => x.status === status && (!citizenId || x.citizenId === citizenId) && test(x));
  if (!c) throw new Error(`mocks: the demo region has no ${status} complaint${citizenId ? ` of ${citizenId}` : ''}`);
  return c.id;
}
function ideaId(test: (i: (typeof region.ideas)[number]) => boolean, what: string): string {
  const i = region.ideas.find(test);
  if (!i) throw new Error(`mocks: the demo region has no idea that is ${what}`);
  return i.id;
}

export const fixtureIds = {
  citizens: {
    /** many votes, complaints, ideas, vouchers and a healthy balance */
    active: 'anna',
    some: 'ivan',
    /** an empty wallet and no history */
    newcomer: 'olga',
    author: 'timur',
    agencyStaff: 'staff-roads',
    moderator: 'moderator',
  },
  polls: {
    /** the poll the docs paste: open, single choice, results after voting */
    openSingle: '42',
    openMultiple: openPoll('multiple'),
    openScale: openPoll('scale'),
    survey: openPoll('survey'),
    closed: pollId((p) => state(p.id) === 'closed' && p.resultsPolicy === 'after-close', 'closed with results after close'),
    closedHidden: pollId((p) => state(p.id) === 'closed' && p.resultsPolicy === 'hidden', 'closed with hidden results'),
    upcoming: pollId((p) => state(p.id) === 'upcoming', 'upcoming'),
    openLive: pollId((p) => state(p.id) === 'open' && p.resultsPolicy === 'live', 'open with live results'),
    openHidden: pollId((p) => state(p.id) === 'open' && p.resultsPolicy === 'hidden', 'open with hidden results'),
    openAfterClose: pollId((p) => state(p.id) === 'open' && p.resultsPolicy === 'after-close', 'open with results after close'),
    alreadyVotedBy: { anna: votedBy('anna') },
    notVotedBy: { anna: notVotedBy('anna'), ivan: notVotedBy('ivan') },
  },
  services: {
    /** every attribute datatype, required ones included */
    withAttributes: 'road-pothole',
    withoutAttributes: 'housing-elevator',
  },
  complaints: {
    submitted: complaintId('submitted'),
    inProgress: complaintId('in_progress'),
    resolved: complaintId('resolved'),
    /** resolved a few days ago: the author can still confirm or dispute it */
    confirmable: complaintId('resolved', undefined, confirmable),
    /** resolved long ago: the confirmation period is over */
    confirmationExpired: complaintId('resolved', undefined, (c) => !confirmable(c)),
    disputed: complaintId('disputed'),
    closed: complaintId('closed'),
    rejected: complaintId('rejected'),
    /** a citizen's own: anna's open and closed ones; timur's waits for his confirmation */
    own: { annaSubmitted: complaintId('submitted', 'anna'), annaClosed: complaintId('closed', 'anna'), timurResolved: complaintId('resolved', 'timur', confirmable) },
  },
  ideas: {
    published: ideaId((i) => i.status === 'published' && !i.funding, 'published'),
    review: ideaId((i) => i.status === 'review', 'in review'),
    accepted: ideaId((i) => i.status === 'accepted', 'accepted'),
    implemented: ideaId((i) => i.status === 'implemented', 'implemented'),
    rejected: ideaId((i) => i.status === 'rejected', 'rejected'),
    moderation: ideaId((i) => i.status === 'moderation', 'in moderation'),
    crowdfunded: ideaId((i) => i.status === 'published' && i.funding !== null, 'crowdfunded'),
    supportedBy: { anna: ideaId((i) => i.status === 'published' && i.supporterIds.includes('anna'), 'supported by anna') },
  },
  agencies: { roads: 'roads', housing: 'housing', improvement: 'improvement' },
  rewards: { unlimited: 'transit-100', lastOne: 'skating', outOfStock: 'philharmonic', cheapest: 'parking-hour' },
  funds: { kids: 'fund-kids', veterans: 'fund-veterans' },
} as const;
