import { render } from 'preact';
import '../../components/base.css';
import '../content/style.css'; // the hover card's styles, shared with news pages
import './style.css';
import { Explorer } from './Explorer';

render(<Explorer />, document.getElementById('app')!);
