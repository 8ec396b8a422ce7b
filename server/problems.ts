/**
 * RFC 9457 problem documents. Every error path of the server ends here, so widgets can rely on one
 * shape: `type` to branch on, `title`/`detail` for people, `errors` for fields.
 */
import type { components } from '../src/core/api-schema';

export type FieldError = components['schemas']['FieldError'];
export type ProblemBody = components['schemas']['Problem'];

const TITLES: Record<string, string> = {
  validation: 'Запрос не соответствует контракту',
  'malformed-json': 'Тело запроса — не корректный JSON',
  unauthorized: 'Нужно войти',
  forbidden: 'Недостаточно прав',
  'not-found': 'Не найдено',
  'already-voted': 'Вы уже проголосовали',
  'poll-not-open': 'Голосование сейчас не идёт',
  'invalid-answers': 'Ответы не подходят к вопросам',
  'already-supported': 'Вы уже поддержали',
  'already-rated': 'Оценка уже поставлена',
  'not-eligible': 'Оценить нельзя',
  'insufficient-points': 'Недостаточно баллов',
  'out-of-stock': 'Награда закончилась',
  'invalid-amount': 'Неверная сумма',
  'invalid-transition': 'Такой переход статуса невозможен',
  'not-confirmable': 'Подтвердить сейчас нельзя',
  'not-crowdfunded': 'Идея не собирает средства',
  'idempotency-key-reused': 'Ключ идемпотентности уже использован с другим запросом',
  'idempotency-in-flight': 'Такой же запрос ещё выполняется',
  'payload-too-large': 'Слишком большой запрос',
  'unsupported-media-type': 'Неподдерживаемый тип содержимого',
  'method-not-allowed': 'Метод не поддерживается',
  'rate-limited': 'Слишком много запросов',
  unavailable: 'Сервис временно недоступен',
  internal: 'Внутренняя ошибка сервера',
};

export const problemType = (slug: string) => `https://veche.dev/problems/${slug}`;

/** Thrown by domain code; the HTTP layer turns it into a problem response. */
export class Problem extends Error {
  readonly status: number;
  readonly slug: string;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;
  constructor(status: number, slug: string, detail?: string, options: { errors?: FieldError[]; extra?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
    super(detail ?? TITLES[slug] ?? slug);
    this.status = status;
    this.slug = slug;
    this.errors = options.errors;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }
  toBody(instance: string): ProblemBody {
    const body: ProblemBody = { type: problemType(this.slug), title: TITLES[this.slug] ?? this.slug, status: this.status, detail: this.message, instance, ...this.extra };
    if (this.errors && this.errors.length > 0) body.errors = this.errors;
    return body;
  }
}

export const notFound = (what = 'Ресурс') => new Problem(404, 'not-found', `${what} не найден(о)`);
export const unprocessable = (slug: string, detail: string, errors?: FieldError[], extra?: Record<string, unknown>) =>
  new Problem(422, slug, detail, { ...(errors ? { errors } : {}), ...(extra ? { extra } : {}) });
export const conflict = (slug: string, detail: string) => new Problem(409, slug, detail);
export const forbidden = (detail: string, slug = 'forbidden') => new Problem(403, slug, detail);
