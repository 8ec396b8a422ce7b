/** The backend base URL every story's widgets use; MSW answers it (`parameters.msw.handlers`). */
export const STORY_API = '/api';
