/** Default bases of the mocked backend (any origin works; these never resolve on a real network). */
export const MOCK_API = 'https://mock.veche.test/api';
export const MOCK_OPEN311 = 'https://mock.veche.test/open311/v2';
