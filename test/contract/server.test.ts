/** The contract suite against a real reference server on a free loopback port with a temporary SQLite file. */
import { after } from 'node:test';
import { startReferenceServer, type ReferenceServer } from '../helpers/reference-server';
import { demoSignIn } from './client';
import { defineContractSuite } from './suite';

const server: ReferenceServer = await startReferenceServer();
after(() => server.stop());

defineContractSuite({ name: 'reference server', apiUrl: server.apiUrl, open311Url: server.open311Url, signIn: demoSignIn(server.apiUrl) });
