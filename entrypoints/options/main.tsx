import { render } from 'preact';
import '../../components/base.css';
import './style.css';
import { OptionsPage } from './OptionsPage';

render(<OptionsPage />, document.getElementById('app')!);
