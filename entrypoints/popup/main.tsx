import { render } from 'preact';
import '../../components/base.css';
import './style.css';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app')!);
