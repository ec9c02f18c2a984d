import { mount } from 'svelte'
import App from './App.svelte'
import './app.css'
import { jobs } from './lib/stores/jobs.svelte'

// Listen for job events before anything can start a job.
jobs.start()

const target = document.getElementById('app')
if (!target) throw new Error('index.html lost its #app element')

export default mount(App, { target })
