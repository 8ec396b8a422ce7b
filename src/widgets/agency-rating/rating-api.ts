/** What sending a rating needs: the contract's comment limit, where a rating is posted and where it waits. */
import { at } from './api.js';

/** The longest comment the contract accepts (`RatingCreate.comment.maxLength`). */
export const COMMENT_LIMIT = 1000;

/** Where a rating is posted; the outbox sends it with its own idempotency key. */
export const ratingsPath = (id: string) => `${at(id)}/ratings`;

/** Where a rating waiting for the connection is kept: the agency view checks it on load, the form owns it. */
export const ratingQueueKey = (api: string, id: string) => `outbox:rating:${api}#${id}`;
